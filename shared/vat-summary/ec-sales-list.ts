import { divRound } from '../money/rounding';
import { currencyExponent, type CurrencyCode } from '../reference/currencies';
import { isEuMember } from '../vat/regions';
import type { ReturnPeriod } from '../vat-return/periods';
import { inPeriod, type LineDocument, type PeriodDocument } from './summary';

/** One EU customer's line: its country, VAT number and the value of services supplied to it. */
export interface EcSalesLine {
  /** ISO country code of the customer (its VAT number's member state). */
  country: string;
  /** As printed on the documents; null when a reverse-charge document carried none (the line cannot be filed as it is). */
  vatNumber: string | null;
  /** The customer's names on the documents, usually one. */
  customers: string[];
  /** The value in whole units of the home currency, credit notes deducted, pence dropped once on the line's total. */
  value: number;
  /** The same in minor units, before the pence were dropped. */
  exact: number;
  documents: LineDocument[];
}

export interface EcSalesList {
  period: ReturnPeriod;
  homeCurrency: CurrencyCode;
  lines: EcSalesLine[];
  /** Reverse-charge documents to EU customers with no home-currency value yet: named, left out, never guessed. */
  unvalued: PeriodDocument['ref'][];
}

/** A VAT number as one key, however it was spaced. */
const numberKey = (vatNumber: string | null) => (vatNumber ?? '').replace(/[\s.-]/g, '').toUpperCase();

/**
 * Minor units to whole units, dropping the fraction towards zero. HMRC's EC Sales List help (Total
 * value of supplies): "Total the value of goods and services supplied to your customer, deduct credit
 * notes and enter the total, rounded down to the nearest pound sterling"; member states' recapitulative
 * statements are likewise in whole units of their currency. Done once per line, never per document.
 */
export function wholeUnits(minor: number, currency: CurrencyCode): number {
  return Number(divRound(BigInt(minor), 10n ** BigInt(currencyExponent(currency)), 'down'));
}

/**
 * Whether a document is a B2B service to another EU member state under the reverse charge (Art 44
 * and Art 196 of the VAT Directive), the supplies an EC Sales List reports (Art 262, rules §1.3):
 * reverse charge, a customer in a member state at the tax point, and not the supplier's own country.
 */
export function isEcSale(doc: PeriodDocument): boolean {
  return doc.category === 'reverse-charge' && isEuMember(doc.customer.country, doc.taxPoint) && doc.customer.country !== doc.supplierCountry;
}

/**
 * The EC Sales List data for `period`: one line per EU customer (country and VAT number), the
 * home-currency value of the reverse-charge services with a tax point in the period, credit notes
 * deducted, in whole units (see `wholeUnits`), with the documents behind each line. Lines are by
 * country, then VAT number.
 */
export function computeEcSalesList(period: ReturnPeriod, homeCurrency: CurrencyCode, documents: readonly PeriodDocument[]): EcSalesList {
  const lines = new Map<string, EcSalesLine>();
  const unvalued: PeriodDocument['ref'][] = [];
  for (const doc of documents.filter((d) => inPeriod(period)(d) && isEcSale(d))) {
    if (!doc.home) {
      unvalued.push(doc.ref);
      continue;
    }
    const key = `${doc.customer.country}|${numberKey(doc.customer.vatNumber)}`;
    const line = lines.get(key) ?? { country: doc.customer.country, vatNumber: doc.customer.vatNumber, customers: [], value: 0, exact: 0, documents: [] };
    if (!line.customers.includes(doc.customer.name)) line.customers.push(doc.customer.name);
    line.exact += doc.home.net;
    line.documents.push({ ref: doc.ref, date: doc.taxPoint, net: doc.home.net, vat: doc.home.vat });
    lines.set(key, line);
  }
  const sorted = [...lines.values()]
    .map((line) => ({ ...line, value: wholeUnits(line.exact, homeCurrency) }))
    .sort((a, b) => a.country.localeCompare(b.country) || numberKey(a.vatNumber).localeCompare(numberKey(b.vatNumber)));
  return { period, homeCurrency, lines: sorted, unvalued };
}
