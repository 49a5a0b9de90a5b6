import { compareDecimals, decimal, decimalToString, subtractDecimals, DECIMAL_ZERO } from '../money/decimal';
import type { InvoiceCalculation, InvoiceSettings } from './types';

/** What is still uncredited of one invoice line; amounts are positive minor units for a normal line. */
export interface LineRemainder {
  /** Quantity still creditable, canonical decimal text ("0" when fully credited). */
  quantity: string;
  /** The line amount before any per-line discount, as calculated on the invoice, less what was credited. */
  amount: number;
  /** The per-line discount (zero or negative) left, in per-line discount mode. */
  discount: number;
  /** The line's VAT left, in line-level VAT mode; null otherwise. */
  vat: number | null;
  /** False for a disbursement, which is outside the VAT groups. */
  taxable: boolean;
}

/** What is still uncredited of a whole invoice: per line, the separate discount line, each VAT group and the withholding. */
export interface CreditPosition {
  lines: LineRemainder[];
  /** The generated "Discount n% on fees" line left (zero or negative), in separate-line mode. */
  discountLine: number;
  groups: { category: string; rate: string; net: number; vat: number; home: { net: number; vat: number } | null }[];
  withholding: number;
  /** Net, VAT and gross left: what a note crediting everything left takes exactly. */
  totals: { net: number; vat: number; gross: number; payable: number };
}

/** A credit note already issued against the invoice: its figures and, per its line, the invoice line it credits. */
export interface PriorCredit {
  calculation: InvoiceCalculation;
  /** For each of the note's input lines, in order: the index of the invoice line it credits. */
  creditsLine: number[];
  /** For each of the note's input lines, in order: the quantity credited. */
  quantities: string[];
}

/**
 * What is left to credit of an invoice after its credit notes (rules §4): the invoice's own
 * calculated figures minus every note's, line by line, group by group. Credit-note figures are
 * negative, so they are added. Amounts are integer minor units of the invoice currency.
 */
export function creditPosition(invoice: InvoiceCalculation, quantities: readonly string[], prior: readonly PriorCredit[]): CreditPosition {
  const byIndex = new Map(invoice.lines.flatMap((line) => (line.index === null ? [] : [[line.index, line] as const])));
  const lines: LineRemainder[] = quantities.map((quantity, i) => {
    const line = byIndex.get(i);
    const amount = line ? line.amount - line.discount : 0;
    return { quantity, amount, discount: line?.discount ?? 0, vat: line?.vat ?? null, taxable: line?.kind !== 'disbursement' };
  });
  let discountLine = invoice.lines.filter((l) => l.index === null).reduce((sum, l) => sum + l.amount, 0);
  const groups = invoice.groups.map((g) => ({ category: g.category as string, rate: g.rate, net: g.net, vat: g.vat, home: g.home && { ...g.home } }));
  let withholding = invoice.totals.withholding;
  const totals = { net: invoice.totals.net, vat: invoice.totals.vat, gross: invoice.totals.gross, payable: invoice.totals.payable };

  for (const note of prior) {
    for (const line of note.calculation.lines) {
      if (line.index === null) {
        discountLine += line.amount;
        continue;
      }
      const target = lines[note.creditsLine[line.index]!];
      if (!target) continue;
      target.quantity = decimalToString(subtractDecimals(decimal(target.quantity), decimal(note.quantities[line.index]!)));
      target.amount += line.amount - line.discount;
      target.discount += line.discount;
      if (target.vat !== null && line.vat !== null) target.vat += line.vat;
    }
    for (const g of note.calculation.groups) {
      const group = groups.find((x) => x.category === g.category && x.rate === g.rate);
      if (!group) continue;
      group.net += g.net;
      group.vat += g.vat;
      if (group.home && g.home) {
        group.home.net += g.home.net;
        group.home.vat += g.home.vat;
      }
    }
    withholding += note.calculation.totals.withholding;
    totals.net += note.calculation.totals.net;
    totals.vat += note.calculation.totals.vat;
    totals.gross += note.calculation.totals.gross;
    totals.payable += note.calculation.totals.payable;
  }
  return { lines, discountLine, groups, withholding, totals };
}

/** A credit note's exact figures where it finishes what is left (see calculateInvoice's `credit`). */
export interface CreditExactness {
  /** Per input line: the exact remaining amounts when the note credits all that is left of that invoice line, else null. */
  lines: (Pick<LineRemainder, 'amount' | 'discount' | 'vat'> | null)[];
  /**
   * When the note credits everything left of the invoice's taxed lines (disbursements are outside
   * the VAT group): the discount line, groups and withholding it takes exactly.
   */
  rest: Pick<CreditPosition, 'discountLine' | 'groups' | 'withholding'> | null;
}

/**
 * Which of a credit note's lines finish an invoice line, and whether the note finishes the
 * invoice's taxed lines, so that line-by-line credits always sum to the invoice exactly (rules §4).
 * A disbursement left over does not hold the VAT back: the note that credits the last taxed line
 * takes the rest of the VAT, or a later note of disbursements alone could never take it.
 * `wanted` gives, per note line, the invoice line index and the quantity credited; each invoice
 * line appears at most once. Throws RangeError for an index that is not a line of the invoice.
 */
export function creditExactness(position: CreditPosition, wanted: readonly { line: number; quantity: string }[]): CreditExactness {
  const asked = new Map<number, string>();
  for (const { line, quantity } of wanted) {
    if (!position.lines[line]) throw new RangeError(`No invoice line ${line}`);
    asked.set(line, quantity);
  }
  const left = (line: number) => decimal(position.lines[line]!.quantity);
  const finishes = (line: number) => asked.has(line) && compareDecimals(decimal(asked.get(line)!), left(line)) === 0;
  const lines = wanted.map(({ line }) => {
    if (!finishes(line)) return null;
    const { amount, discount, vat } = position.lines[line]!;
    return { amount, discount, vat };
  });
  const taxedDone = position.lines.every((l, i) => !l.taxable || compareDecimals(left(i), DECIMAL_ZERO) === 0 || finishes(i));
  return { lines, rest: taxedDone ? { discountLine: position.discountLine, groups: position.groups, withholding: position.withholding } : null };
}

/** The settings a credit note is calculated with: the invoice's own, frozen at issue, never today's. */
export function creditSettings(invoice: InvoiceCalculation, frozen: Partial<InvoiceSettings> | undefined, current: InvoiceSettings): InvoiceSettings {
  if (frozen && Object.keys(frozen).length > 0) return { ...current, ...frozen };
  // Documents issued before the settings were frozen with them: read back what the figures show.
  const vatLevel = invoice.lines.some((l) => l.vat !== null) ? 'line' : 'invoice';
  const discountDisplay = invoice.lines.some((l) => l.index === null && l.kind === 'discount') ? 'separate-line' : invoice.lines.some((l) => l.discount !== 0) ? 'per-line' : current.discountDisplay;
  return { ...current, vatLevel, discountDisplay, fxMethod: invoice.home?.method ?? current.fxMethod };
}
