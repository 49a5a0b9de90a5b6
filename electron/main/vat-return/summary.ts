import type { DbOrTx } from '../../../db/client';
import { getProfile } from '../../../db/profile';
import type { VatSummaryView } from '../../../shared/api/vat-summary';
import { toMajorString } from '../../../shared/money/money';
import { isEuMember } from '../../../shared/vat/regions';
import { VAT_CATEGORIES } from '../../../shared/vat/treatment';
import { computeEcSalesList } from '../../../shared/vat-summary/ec-sales-list';
import { computeVatSummary, VAT_CATEGORY_LABELS } from '../../../shared/vat-summary/summary';
import { profileMissing } from '../errors';
import { csv } from '../reports/accountant-export';
import { gatherPeriodDocuments } from './inputs';

/**
 * The VAT summary per category and rate and the EC Sales List data for `from`–`to` (inclusive ISO
 * dates), in the home currency, from every issued document with a tax point in it. Throws NOT_FOUND
 * when there is no business profile.
 */
export function getVatSummary(db: DbOrTx, range: { from: string; to: string }): VatSummaryView {
  const profile = getProfile(db, { withLogo: false });
  if (!profile) throw profileMissing();
  const period = { start: range.from, end: range.to };
  const documents = gatherPeriodDocuments(db, profile.homeCurrency, { from: range.from, until: range.to });
  const { lines, total, byCurrency, unvalued } = computeVatSummary(period, documents);
  const ecSalesList = computeEcSalesList(period, profile.homeCurrency, documents);
  return {
    period,
    homeCurrency: profile.homeCurrency,
    supplier: { country: profile.country, inEu: isEuMember(profile.country, range.to) },
    summary: { lines, total, byCurrency, unvalued },
    ecSalesList: { lines: ecSalesList.lines, unvalued: ecSalesList.unvalued },
  };
}

type Row = (string | number | null)[];

/**
 * The VAT summary or the EC Sales List for a period as CSV for an accountant: the lines, then every
 * document behind each line, then any document left out for want of a home-currency value. Amounts
 * in major units; EC Sales List values in whole units. Throws as `getVatSummary`.
 */
export function exportVatSummary(db: DbOrTx, input: { from: string; to: string; report: 'summary' | 'ec-sales-list' }) {
  const view = getVatSummary(db, input);
  const home = view.homeCurrency;
  const money = (minor: number) => toMajorString(minor, home);
  const rows: Row[] = [];
  const leftOut = (refs: VatSummaryView['summary']['unvalued']) => {
    if (refs.length > 0) rows.push([], [`Left out: no ${home} value yet`], ...refs.map((r) => [r.label]));
  };
  if (input.report === 'summary') {
    const { lines, total, byCurrency, unvalued } = view.summary;
    rows.push(['VAT category', 'Code', 'Rate (%)', 'Documents', `Net (${home})`, `VAT (${home})`]);
    for (const l of lines) rows.push([VAT_CATEGORY_LABELS[l.category], VAT_CATEGORIES[l.category], l.rate, l.documents.length, money(l.net), money(l.vat)]);
    rows.push(['Total', '', '', total.count, money(total.net), money(total.vat)]);
    rows.push([], ['VAT category', 'Rate (%)', 'Tax point', 'Document', `Net (${home})`, `VAT (${home})`]);
    for (const l of lines) for (const d of l.documents) rows.push([VAT_CATEGORY_LABELS[l.category], l.rate, d.date, d.ref.label, money(d.net), money(d.vat)]);
    rows.push([], ['Currency', 'VAT category', 'Rate (%)', 'Documents', 'Net', 'VAT']);
    for (const c of byCurrency) rows.push([c.currency, VAT_CATEGORY_LABELS[c.category], c.rate, c.count, toMajorString(c.net, c.currency), toMajorString(c.vat, c.currency)]);
    leftOut(unvalued);
  } else {
    const { lines, unvalued } = view.ecSalesList;
    rows.push(['Country code', 'Customer VAT number', 'Customer', `Value of services (${home}, whole units)`]);
    for (const l of lines) rows.push([l.country, l.vatNumber ?? '', l.customers.join('; '), l.value]);
    rows.push([], ['Country code', 'Customer VAT number', 'Tax point', 'Document', `Net (${home})`]);
    for (const l of lines) for (const d of l.documents) rows.push([l.country, l.vatNumber ?? '', d.date, d.ref.label, money(d.net)]);
    leftOut(unvalued);
  }
  const name = input.report === 'summary' ? 'vat-summary' : 'ec-sales-list';
  return { fileName: `${name}-${input.from}-to-${input.to}.csv`, mimeType: 'text/csv', text: csv(rows) };
}
