import type { ContractSnapshot } from '../../../shared/contracts/snapshot';
import type { ExpensePolicy, Retainer, TimeRounding } from '../../../shared/contracts/types';
import { quantityText } from '../../../shared/invoice/units';
import { decimal } from '../../../shared/money/decimal';
import { formatMoney } from '../../../shared/money/money';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import type { LaidLine } from './text-layout';
import { logoImage } from './images';
import { cycleText, discountWhy, moneyText, perUnit } from './terms-text';
import {
  ACCENT,
  BAND,
  day,
  drawDocumentHeader,
  drawFooters,
  drawLines,
  drawParties,
  forgetColor,
  height,
  INK,
  layoutLines,
  lineHeight,
  MARGIN,
  MUTED,
  openDocument,
  pageBottom,
  RULE,
  write,
  writeLabel,
  type TextOptions,
} from './pdf-document';

const plurals = new Intl.PluralRules('en-GB');

/** A whole count with its noun in the right number: "1 month", "4 weeks". */
function count(n: number, noun: 'day' | 'week' | 'month' | 'minute'): string {
  return `${n} ${plurals.select(n) === 'one' ? noun : `${noun}s`}`;
}

function roundingText(r: TimeRounding): string | null {
  if (r.mode === 'none') return null;
  return `Time is rounded ${r.mode === 'up' ? 'up to' : 'to the nearest'} ${count(r.incrementMinutes, 'minute')} per ${r.scope}.`;
}

function expensesText(e: ExpensePolicy, currency: CurrencyCode): string {
  if (e.kind === 'not-rebillable') return 'Expenses are not rebillable.';
  const basis = e.kind === 'markup' ? `with a ${e.markupPercent!}% markup` : 'at cost';
  const cap = e.capMinor === null ? '' : `, capped at ${formatMoney({ amount: e.capMinor, currency })} per billing period`;
  return `Expenses are rebilled ${basis}${cap}.`;
}

function rolloverText(r: Retainer): string {
  if (!r.rollover) return 'Do not roll over';
  return r.rolloverCapHours === null ? 'Roll over to the next month' : `Roll over to the next month, up to ${quantityText(r.rolloverCapHours, 'hour')}`;
}

const IR35_WORDS = { inside: 'Inside IR35', outside: 'Outside IR35', 'not-assessed': 'Not yet assessed' } as const;

/** Something a section holds: its full height and the part of it that must share a page with its heading. */
interface Item {
  height: number;
  keep: number;
  draw: () => void;
}

const LABEL_WIDTH = 130;
const HEADING = 24;
const ROW_GAP = 5;
const PARAGRAPH_GAP = 5;
const SECTION_GAP = 12;
const LABEL_HEIGHT = 18;


/**
 * Lays out a contract version (engagement letter, or amendment from version 2) from its frozen
 * snapshot on `s.paperSize`: the invoice's header, parties and footer, then scope, term, fees,
 * billing, expenses, IR35 when set, and a signature block kept on one page. Rates print with
 * their exact decimals; dates as "4 Dec 2026". The same snapshot, logo and `createdAt` always give
 * the same bytes. Rejects when the logo cannot be decoded (check it with logoProblem first), and
 * with a RangeError when a rate or percent in the snapshot is not decimal text.
 */
export async function renderContractPdf(s: ContractSnapshot, options: { createdAt: Date; logo?: { mimeType: string; sha256: string; data: Buffer } | null }): Promise<Buffer> {
  const logo = options.logo ? await logoImage(options.logo) : null;
  const amendment = s.versionNumber >= 2;
  const kind = amendment ? 'Contract amendment' : 'Engagement letter';
  const { doc, done } = openDocument(s.paperSize, {
    title: `${kind} ${s.reference} version ${s.versionNumber}`,
    author: s.supplier.legalName ?? s.supplier.name,
    createdAt: options.createdAt,
  });
  const right = doc.page.width - MARGIN;
  const contentWidth = right - MARGIN;
  const valueX = MARGIN + LABEL_WIDTH;
  const valueWidth = contentWidth - LABEL_WIDTH;

  const meta: [string, string][] = [
    ['Date', day(s.documentDate)],
    ['Effective from', day(s.effectiveFrom)],
  ];
  const partiesTop = drawDocumentHeader(doc, { logo, supplierName: s.supplier.name, title: kind.toUpperCase(), reference: `${s.reference} · version ${s.versionNumber}`, meta }) + 16;
  let y = drawParties(doc, s.supplier, s.customer, { supplier: 'Supplier', customer: 'Client', contact: 'Contact:' }, partiesTop) + 22;

  const newPage = () => {
    doc.addPage();
    y = MARGIN;
  };
  const ensure = (needed: number) => {
    if (y + needed > pageBottom(doc)) newPage();
  };

  /** Text that may break across pages, between lines, leaving at least two of them on each side. */
  const paragraph = (text: string, o: TextOptions = {}): Item => {
    const step = lineHeight(o.size ?? 9);
    const laid = layoutLines(doc, text, { ...o, width: contentWidth });
    return {
      height: laid.length * step + PARAGRAPH_GAP,
      keep: Math.min(laid.length, 2) * step,
      draw: () => {
        let lines: LaidLine[] = laid;
        while (lines.length) {
          const room = Math.floor((pageBottom(doc) - y) / step);
          const take = room >= lines.length ? lines.length : Math.min(room, lines.length - 2);
          if (take < 2 && take < lines.length) {
            newPage();
            continue;
          }
          y = drawLines(doc, lines.slice(0, take), MARGIN, y, { ...o, width: contentWidth });
          lines = lines.slice(take);
          if (lines.length) newPage();
        }
        y += PARAGRAPH_GAP;
      },
    };
  };

  /** A label and its value side by side; `strong` is the figure that counts, on a band as the invoice's total. */
  const row = (label: string, value: string, strong = false): Item => {
    const h = Math.max(height(doc, label, LABEL_WIDTH - 12), height(doc, value, valueWidth - 8, 9, strong));
    const pad = strong ? 4 : 0;
    const total = h + ROW_GAP + 2 * pad;
    return {
      height: total,
      keep: total,
      draw: () => {
        ensure(total);
        y += pad;
        if (strong) {
          doc.rect(MARGIN, y - 4, contentWidth, h + 8).fill(BAND);
          forgetColor(doc);
        }
        write(doc, label, MARGIN + (strong ? 8 : 0), y, { width: LABEL_WIDTH - 12, color: strong ? INK : MUTED, bold: strong });
        write(doc, value, valueX, y, { width: valueWidth - 8, bold: strong });
        y += h + ROW_GAP + pad;
      },
    };
  };

  /** Items that share a page (a table of rows, a row and its note), `gap` points below what comes before, under a small `label` if given. */
  const together = (items: Item[], o: { gap?: number; label?: string } = {}): Item => {
    const top = (o.gap ?? 0) + (o.label ? LABEL_HEIGHT : 0);
    const total = top + items.reduce((sum, item) => sum + item.height, 0);
    return {
      height: total,
      keep: total,
      draw: () => {
        ensure(total);
        if (o.label) writeLabel(doc, o.label, MARGIN, y + top - LABEL_HEIGHT + 4);
        y += top;
        for (const item of items) item.draw();
      },
    };
  };

  let number = 0;
  /** A numbered section; its heading never ends a page: it is kept with the start of its first item. */
  const section = (title: string, items: Item[]) => {
    number += 1;
    ensure(HEADING + (items[0]?.keep ?? 0));
    write(doc, `${number}. ${title}`, MARGIN, y, { size: 10.5, bold: true, color: ACCENT });
    doc.moveTo(MARGIN, y + 17).lineTo(right, y + 17).lineWidth(0.5).strokeColor(RULE).stroke();
    y += HEADING;
    for (const item of items) item.draw();
    y += SECTION_GAP;
  };

  const supplierName = s.supplier.legalName ?? s.supplier.name;
  const customerName = s.customer.legalName ?? s.customer.name;
  const intro = amendment
    ? `This amendment to contract ${s.reference} takes effect on ${day(s.effectiveFrom)} and replaces version ${s.versionNumber - 1} from that date. The terms below apply in full.`
    : `This letter sets out the terms on which ${supplierName} will provide the services below to ${customerName}.`;
  paragraph(intro).draw();
  y += 10;

  const scope = s.scope
    .split(/\n[^\S\n]*\n\s*/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => paragraph(p));
  const title = paragraph(s.title, { size: 11, bold: true });
  // The title never ends a page without the start of the scope under it.
  section('Services', [{ ...title, keep: title.height + (scope[0]?.keep ?? 0) }, ...scope]);

  section('Term', [together([row('Start date', day(s.startDate)), row('End date', s.endDate ? day(s.endDate) : 'Open-ended'), row('Notice period', count(s.notice.amount, s.notice.unit))])]);

  const r = s.rate;
  const discounted = decimal(r.discountPercent).units !== 0n;
  const contractRate = `${moneyText(r.rate, r.currency)} ${perUnit(r)}`;
  const rates =
    discounted || s.fx
      ? [
          row('List rate', `${moneyText(r.listRate, r.listCurrency)} ${perUnit(r)}`),
          ...(discounted ? [row('Discount', `${r.discountPercent}%${r.discountReason ? ` — ${discountWhy(r.discountReason, r.discountPercent)}` : ''}`)] : []),
          row('Contract rate', contractRate, true),
        ]
      : [row('Rate', contractRate, true)];
  const fees: Item[] = [together(rates)];
  if (s.fx) {
    const converted = `Converted from ${r.listCurrency} at ${s.fx.rate} ${r.currency} per 1 ${r.listCurrency} (rate of ${day(s.fx.date)})`;
    fees.push(paragraph(s.fx.mode === 'fixed' ? `${converted}, fixed for the contract.` : `${converted} for the rate shown; each invoice converts at the rate on its billing date.`));
  }
  const rounding = roundingText(s.rounding);
  if (rounding) fees.push(paragraph(rounding));
  if (s.retainer) {
    const t = s.retainer;
    const fee = (minor: number) => formatMoney({ amount: minor, currency: s.currency });
    fees.push(
      together(
        [
          row('Monthly fee', `${fee(t.monthlyFeeMinor)} per month, including ${quantityText(t.includedHours, 'hour')}`),
          row('Additional hours', `${fee(t.overageRateMinor)} per hour beyond the included hours`),
          row('Unused hours', rolloverText(t)),
        ],
        { gap: 4, label: 'Retainer' },
      ),
    );
  }
  if (s.budget) {
    const budget = s.budget.kind === 'hours' ? quantityText(s.budget.amount, 'hour') : formatMoney({ amount: Number(s.budget.amount), currency: s.currency });
    fees.push(together([row('Budget', budget)], { gap: 8 }));
  }
  section('Fees', fees);

  section('Billing and payment', [
    together([
      row('Invoicing', cycleText(s.billingCycle)),
      row('Payment', s.paymentTermsDays === 0 ? 'Payment due on receipt of the invoice' : `Payment due within ${count(s.paymentTermsDays, 'day')} of the invoice date`),
      ...(s.poNumber ? [row('PO number', s.poNumber)] : []),
    ]),
  ]);

  section('Expenses', [paragraph(expensesText(s.expensePolicy, s.currency))]);

  if (s.ir35) {
    const { status, sdsReceived, sdsDate } = s.ir35;
    const sds = sdsReceived ? `Status determination statement received${sdsDate ? ` on ${day(sdsDate)}` : ''}.` : 'No status determination statement received.';
    section('IR35', [together([row('Status', IR35_WORDS[status]), paragraph(sds)])]);
  }

  // Signatures: two columns, each with its own ruled lines, never split across pages.
  const colWidth = contentWidth / 2 - 12;
  const fields: [string, number][] = [
    ['Signature', 34],
    ['Name', 24],
    ['Title', 24],
    ['Date', 24],
  ];
  const nameHeight = Math.max(height(doc, supplierName, colWidth, 10.5, true), height(doc, customerName, colWidth, 10.5, true));
  const blockHeight = 13 + nameHeight + fields.reduce((sum, [, gap]) => sum + gap, 0) + 4;
  section('Signatures', [
    {
      height: blockHeight,
      keep: blockHeight,
      draw: () => {
        const top = y;
        for (const [i, [label, name]] of ([['Signed for the supplier', supplierName], ['Signed for the client', customerName]] as const).entries()) {
          const x = MARGIN + i * (colWidth + 24);
          writeLabel(doc, label, x, top);
          write(doc, name, x, top + 13, { size: 10.5, bold: true, width: colWidth });
          // Both columns' lines start below the taller name, so they line up.
          let cy = top + 13 + nameHeight;
          for (const [field, gap] of fields) {
            cy += gap;
            write(doc, field, x, cy - 11, { size: 8.5, color: MUTED });
            doc.moveTo(x + 56, cy).lineTo(x + colWidth, cy).lineWidth(0.5).strokeColor(MUTED).stroke();
          }
        }
        y = top + blockHeight;
      },
    },
  ]);

  drawFooters(doc, s.supplier, `${s.reference} v${s.versionNumber}`);
  doc.end();
  return done;
}
