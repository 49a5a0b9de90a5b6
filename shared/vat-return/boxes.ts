import { divRound } from '../money/rounding';
import { decimal, multiply, roundToScale, subtractDecimals, type Decimal } from '../money/decimal';
import { wholePounds, type WholePoundsMode } from '../vat/uk-return';
import type { VatCategory } from '../vat/treatment';
import type { ReturnPeriod } from './periods';

/** A record behind a figure, so every box drills down to it. `key` is unique across kinds. */
export interface SourceRef {
  kind: 'invoice' | 'credit-note' | 'payment' | 'reversal' | 'expense';
  id: number;
  /** What the user recognises: an invoice number, an expense's supplier. */
  label: string;
}

/**
 * An issued invoice or credit note, in sterling pence (credit notes negative). `net` and `vat`
 * exclude disbursements, which are not the supplier's supply (rules §5.2). The flags are the
 * document's frozen `VatTreatment.vatReturn` placement.
 */
export interface SaleDocument {
  ref: SourceRef & { kind: 'invoice' | 'credit-note' };
  /** ISO date: the tax point, which places the document in a period on the invoice basis (rules §2.4, §5.3). */
  taxPoint: string;
  net: number;
  vat: number;
  box1: boolean;
  box6: boolean;
  flatRateTurnover: boolean;
}

/**
 * Money received against an invoice, in sterling pence; negative for a refund or for the reversal
 * recorded when a counted payment is removed. `document` is the whole invoice in sterling pence:
 * `gross` includes disbursements, `net` and `vat` do not, so a part payment carries its share.
 */
export interface ReceivedPayment {
  ref: SourceRef & { kind: 'payment' | 'reversal' };
  /** ISO date the money arrived (or the reversal was recorded). */
  date: string;
  amount: number;
  document: Pick<SaleDocument, 'net' | 'vat' | 'box1' | 'box6' | 'flatRateTurnover'> & { gross: number };
}

/**
 * Sterling documents with the same tax point and placement, summed by the database: the boxes only
 * add documents' figures on the invoice basis (rules §5.2), so a total gives the same boxes as the
 * documents it stands for, without reading each one. `records` counts its documents with a non-zero
 * net, VAT, and VAT-inclusive amount. A total lists no record: a return's sources, and what a
 * finalised return counts, come from documents.
 */
export interface SaleTotal extends Omit<SaleDocument, 'ref'> {
  records: { net: number; vat: number; gross: number };
}

/** An expense the business paid, in sterling pence. Disbursements paid for a client are not purchases and are left out by the caller. */
export interface Purchase {
  ref: SourceRef & { kind: 'expense' };
  /** ISO date it was paid. */
  date: string;
  net: number;
  /** VAT the business may reclaim; 0 when none is reclaimable. */
  reclaimableVat: number;
  /** A service bought from abroad on which the business accounts for the VAT itself (reverse charge). */
  reverseChargeVat?: number;
  /** A capital expenditure good: under the Flat Rate Scheme only these (≥ £2,000 with VAT) are reclaimed (Notice 733 §7.4). */
  capitalGoods?: boolean;
}

/**
 * Sterling expenses of one day summed by the database, as `SaleTotal` sums documents: never capital
 * goods or reverse-charge services, whose tests are per purchase. `records` counts the expenses with a
 * non-zero net and reclaimable VAT.
 */
export interface PurchaseTotal extends Omit<Purchase, 'ref' | 'reverseChargeVat' | 'capitalGoods'> {
  records: { net: number; vat: number };
}

/** The expense category whose purchases are capital goods for the Flat Rate Scheme. */
export const CAPITAL_GOODS_CATEGORY = 'equipment';

/** The scheme a return is computed on (rules §5.3, §5.4). */
export interface ReturnScheme {
  /** Invoice (accrual) basis: by tax point. Cash accounting (Notice 731): by the date money moves. */
  accounting: 'invoice' | 'cash';
  flatRate: null | {
    /** The sector's flat rate, an exact decimal percentage such as "14.5". */
    sectorPercent: string;
    /** The limited cost trader's 16.5% applies to this period (see `isLimitedCostTrader`). */
    limitedCostTrader: boolean;
    /** ISO date: the first anniversary of VAT registration. Turnover before it gets 1 point off (Notice 733 §4.6). */
    firstYearEnds: string | null;
  };
}

export interface VatReturnInput {
  period: ReturnPeriod;
  scheme: ReturnScheme;
  /**
   * This period is the earliest one not yet finalised: a record dated before it that no finalised
   * return counted (a late invoice, a back-dated credit note or payment reversal) falls into it,
   * so a finalised return never changes.
   */
  earliestOpen: boolean;
  /** ISO date returns start from (VAT registration): older records are in no return. */
  since: string;
  /** `sourceKey` of every record a finalised return already counted. */
  counted: ReadonlySet<string>;
  sales: readonly (SaleDocument | SaleTotal)[];
  payments: readonly ReceivedPayment[];
  purchases: readonly (Purchase | PurchaseTotal)[];
  /** Boxes 6–9 drop the period total's pence (rules §5.1: truncate by default). */
  wholePounds?: WholePoundsMode;
}

export const BOXES = ['box1', 'box2', 'box3', 'box4', 'box5', 'box6', 'box7', 'box8', 'box9'] as const;
export type Box = (typeof BOXES)[number];

/** Each box's wording on HMRC's VAT100 form, for screens and exports. */
export const BOX_DESCRIPTIONS: Record<Box, string> = {
  box1: 'VAT due on sales and other outputs',
  box2: 'VAT due on acquisitions from the EU (Northern Ireland goods)',
  box3: 'Total VAT due',
  box4: 'VAT reclaimed on purchases and other inputs',
  box5: 'Net VAT to pay to HMRC or reclaim',
  box6: 'Total value of sales and all other outputs excluding VAT',
  box7: 'Total value of purchases and all other inputs excluding VAT',
  box8: 'Supplies of goods to EU member states (Northern Ireland)',
  box9: 'Acquisitions of goods from EU member states (Northern Ireland)',
};

/** Boxes 1–5 are in pence; boxes 6–9 in whole pounds (rules §5.1). */
export const isPenceBox = (box: Box): boolean => BOXES.indexOf(box) < 5;

/** One record's share of one box, in sterling pence. */
export interface BoxSource {
  ref: SourceRef;
  date: string;
  amount: number;
}

export interface VatReturn {
  period: ReturnPeriod;
  /** Boxes 1–5 in pence; boxes 6–9 in whole pounds (rules §5.1). Box 5 is never negative. */
  boxes: Record<Box, number>;
  /** Whether box 5 is owed to HMRC or repaid by it. */
  direction: 'payable' | 'repayable' | 'nil';
  /** The records behind each box (boxes 3 and 5 are derived and list none); totals in the input list none. */
  sources: Record<Box, BoxSource[]>;
  /** How many records each box adds up, those inside input totals included. */
  records: Record<Box, number>;
  /** `sourceKey` of every record this return counts, stored with it when it is finalised. */
  counts: string[];
}

/**
 * Where a document's VAT category puts it (rules §5.2, the same rule as `VatTreatment.vatReturn`
 * for a registered UK supplier): VAT charged (standard or zero-rated) in Box 1 and the flat-rate
 * turnover; every sale in Box 6, reverse charge and outside the scope included; nothing for a
 * document issued while not registered.
 */
export function placementOf(category: VatCategory): Pick<SaleDocument, 'box1' | 'box6' | 'flatRateTurnover'> {
  const vatCharged = category === 'standard' || category === 'zero';
  return { box1: vatCharged, box6: category !== 'not-registered', flatRateTurnover: vatCharged };
}

/** A record's identity across returns: `invoice:12`, `payment:3`. */
export const sourceKey = (ref: SourceRef): string => `${ref.kind}:${ref.id}`;

const ONE_POINT = decimal('1');
const LIMITED_COST_TRADER_PERCENT = '16.5';

/** amount × numerator ÷ denominator in pence, half-up: a part payment's share of VAT or net. */
const share = (amount: number, numerator: number, denominator: number): number =>
  denominator === 0 ? 0 : Number(divRound(BigInt(amount) * BigInt(numerator), BigInt(denominator), 'half-up'));

/** The flat rate for turnover dated `date`: the limited cost trader's or the sector's, less 1 point in the first year. */
function flatPercent(flatRate: NonNullable<ReturnScheme['flatRate']>, date: string): Decimal {
  const base = decimal(flatRate.limitedCostTrader ? LIMITED_COST_TRADER_PERCENT : flatRate.sectorPercent);
  return flatRate.firstYearEnds && date < flatRate.firstYearEnds ? subtractDecimals(base, ONE_POINT) : base;
}

/** One taxable event, or a database total of them, as the boxes see it, whatever the basis. */
interface Sale {
  /** Null for a total. */
  ref: SourceRef | null;
  date: string;
  net: number;
  vat: number;
  placement: Pick<SaleDocument, 'box1' | 'box6' | 'flatRateTurnover'>;
  /** A total's counts of records with a non-zero net, VAT and VAT-inclusive amount. */
  records: { net: number; vat: number; gross: number };
}

const ONE_RECORD = { net: 1, vat: 1, gross: 1 };

/**
 * The UK VAT return for `input.period` (rules §5): the nine boxes and the records behind each.
 *
 * - Invoice basis: sales by tax point, credit notes negative. Cash accounting (Notice 731): by
 *   payment date, each payment carrying its share of the invoice's VAT and net.
 * - Box 1: VAT on sales placed in Box 1, plus VAT on services bought under the reverse charge. On the
 *   Flat Rate Scheme (Notice 733): the flat rate of VAT-inclusive flat-rate turnover, each record at
 *   its own date's rate, rounded once per rate.
 * - Box 4: reclaimable purchase VAT and reverse-charge VAT; on the Flat Rate Scheme only capital goods
 *   of £2,000 or more with VAT.
 * - Box 6: net sales placed in Box 6 (reverse charge and outside the scope included; disbursements
 *   never); on the Flat Rate Scheme, flat-rate turnover with its VAT plus other sales' net.
 * - Box 7: net purchases (on the Flat Rate Scheme, the capital goods reclaimed). Boxes 2, 8 and 9
 *   are goods to and from the EU (Northern Ireland only), never a consultant's services: 0.
 * - A record is counted once: records dated in the period, and when the period is the earliest
 *   open one, earlier records no finalised return counted. Records before `since` are in no return.
 *   Totals (`SaleTotal`, `PurchaseTotal`) are dated and placed like records; the database has already
 *   left out what finalised returns counted, and their records are neither listed nor in `counts`.
 */
export function computeVatReturn(input: VatReturnInput): VatReturn {
  const { period, scheme } = input;
  const counts: string[] = [];
  const belongs = (ref: SourceRef | null, date: string): boolean => {
    // Dates first: a list of periods passes every period the same records, most of them outside it.
    if (date < input.since || date > period.end || (date < period.start && !input.earliestOpen)) return false;
    if (!ref) return true;
    const key = sourceKey(ref);
    if (input.counted.has(key)) return false;
    counts.push(key);
    return true;
  };
  const refOf = (entry: { ref: SourceRef } | object): SourceRef | null => ('ref' in entry ? entry.ref : null);

  const sales: Sale[] =
    scheme.accounting === 'invoice'
      ? input.sales
          .filter((s) => belongs(refOf(s), s.taxPoint))
          .map((s) => ({ ref: refOf(s), date: s.taxPoint, net: s.net, vat: s.vat, placement: s, records: 'records' in s ? s.records : ONE_RECORD }))
      : input.payments
          .filter((p) => belongs(p.ref, p.date))
          .map((p) => ({
            ref: p.ref,
            date: p.date,
            net: share(p.amount, p.document.net, p.document.gross),
            vat: share(p.amount, p.document.vat, p.document.gross),
            placement: p.document,
            records: ONE_RECORD,
          }));
  const purchases = input.purchases.filter((p) => belongs(refOf(p), p.date));

  const sources = Object.fromEntries(BOXES.map((box) => [box, [] as BoxSource[]])) as Record<Box, BoxSource[]>;
  const records = Object.fromEntries(BOXES.map((box) => [box, 0])) as Record<Box, number>;
  const totals = Object.fromEntries(BOXES.map((box) => [box, 0])) as Record<Box, number>;
  /** Adds a record's share to a box (listed when not zero), or a total's with the count of its records that have one. */
  const add = (box: Box, ref: SourceRef | null, date: string, amount: number, summed: number) => {
    totals[box] += amount;
    if (ref === null) records[box] += summed;
    else if (amount !== 0) {
      sources[box].push({ ref, date, amount });
      records[box] += 1;
    }
  };

  const byRate = new Map<string, { percent: Decimal; turnover: number; sales: Sale[] }>();
  for (const sale of sales) {
    if (scheme.flatRate && sale.placement.flatRateTurnover) {
      const percent = flatPercent(scheme.flatRate, sale.date);
      const key = `${percent.units}e-${percent.scale}`;
      const group = byRate.get(key) ?? { percent, turnover: 0, sales: [] };
      group.turnover += sale.net + sale.vat;
      group.sales.push(sale);
      byRate.set(key, group);
      add('box6', sale.ref, sale.date, sale.net + sale.vat, sale.records.gross);
      continue;
    }
    if (!scheme.flatRate && sale.placement.box1) add('box1', sale.ref, sale.date, sale.vat, sale.records.vat);
    if (sale.placement.box6) add('box6', sale.ref, sale.date, sale.net, sale.records.net);
  }
  for (const group of byRate.values()) {
    // Each record's share is its turnover at the rate; the box is the group's total rounded once.
    const atRate = (pence: number) => Number(roundToScale(multiply(decimal(String(pence)), { units: group.percent.units, scale: group.percent.scale + 2 }), 0, 'half-up'));
    const due = atRate(group.turnover);
    let given = 0;
    group.sales.forEach((sale, i) => {
      const amount = i === group.sales.length - 1 ? due - given : atRate(sale.net + sale.vat);
      given += amount;
      add('box1', sale.ref, sale.date, amount, sale.records.gross);
    });
  }

  for (const purchase of purchases) {
    const ref = refOf(purchase);
    const summed = 'records' in purchase ? purchase.records : { net: 1, vat: 1 };
    const reverseCharge = 'reverseChargeVat' in purchase ? (purchase.reverseChargeVat ?? 0) : 0;
    if (reverseCharge !== 0) {
      add('box1', ref, purchase.date, reverseCharge, 1);
      add('box6', ref, purchase.date, purchase.net, 1);
    }
    const reclaimed = !scheme.flatRate || ('capitalGoods' in purchase && purchase.capitalGoods === true && purchase.net + purchase.reclaimableVat >= 200_000);
    if (!reclaimed) continue;
    add('box4', ref, purchase.date, purchase.reclaimableVat + reverseCharge, summed.vat);
    add('box7', ref, purchase.date, purchase.net, summed.net);
  }

  const total = (box: Box) => totals[box];
  const mode = input.wholePounds ?? 'truncate';
  const box1 = total('box1');
  const box3 = box1;
  const box4 = total('box4');
  const difference = box3 - box4;
  return {
    period,
    boxes: {
      box1,
      box2: 0,
      box3,
      box4,
      box5: Math.abs(difference),
      box6: wholePounds(total('box6'), mode),
      box7: wholePounds(total('box7'), mode),
      box8: 0,
      box9: 0,
    },
    direction: difference > 0 ? 'payable' : difference < 0 ? 'repayable' : 'nil',
    sources,
    records,
    counts,
  };
}

/** The limited cost trader test's share of VAT-inclusive turnover. */
const TWO_PERCENT = decimal('0.02');

/**
 * The limited cost trader test for a period (Notice 733 §4.5): spend on relevant goods (with VAT,
 * pence) below 2% of VAT-inclusive turnover, or below £1,000 a year pro rata (£250 a quarter,
 * about £83.33 a month), makes the flat rate 16.5%. `months` is the period's length (1 or 3).
 */
export function isLimitedCostTrader(relevantGoods: number, turnover: number, months: number): boolean {
  const twoPercent = Number(roundToScale(multiply(decimal(String(turnover)), TWO_PERCENT), 0, 'down'));
  const floor = share(100_000, months, 12);
  return relevantGoods < twoPercent || relevantGoods < floor;
}
