import type { DbOrTx } from '../../../db/client';
import { billedPeriodStarts, monthlySeconds, unbilledEntries, unbilledExpenses } from '../../../db/billing';
import { contractBilled, type StoredVersion } from '../../../db/contracts';
import type { BillingPeriod } from '../../../shared/contracts/billing-cycle';
import { budgetBurn } from '../../../shared/contracts/budget';
import { retainerMonth } from '../../../shared/contracts/retainer';
import { duePeriod, firstUnbilledPeriod } from '../../../shared/billing/due';
import { billedSeconds, priceWork, type TimeGrouping } from '../../../shared/billing/price-work';
import { rebillExpenses } from '../../../shared/billing/rebill';
import { addMonths, daysBetween, describeDay } from '../../../shared/dates/calendar';
import { addDecimals, decimal, decimalToString, DECIMAL_ZERO, multiply, roundToScale } from '../../../shared/money/decimal';
import { formatMoney } from '../../../shared/money/money';
import { currencyExponent, type CurrencyCode } from '../../../shared/reference/currencies';
import type { LineKind, Unit } from '../../../shared/invoice/types';
import { contractReference, versionOn } from '../contracts/contracts';

/** A line the run will draft, with the entries and expenses it settles. */
export interface PlannedLine {
  description: string;
  kind: LineKind;
  quantity: string;
  unit: Unit;
  unitPrice: string;
  /** quantity × unit price, rounded half-up to the minor unit, as the invoice rounds a line. */
  amountMinor: number;
  source: 'time' | 'expense' | 'retainer' | 'fixed';
  timeEntryIds: number[];
  expenseIds: number[];
}

/** Budget or retainer use once this invoice is issued. */
export interface PlannedBurn {
  kind: 'budget' | 'retainer';
  /** In words: "31.5 of 40 h (78%)", "18 of 20 included hours; 2 h carried into January". */
  text: string;
  level: 'ok' | 'warning' | 'over';
}

/** What a contract's invoice for one billing period will hold. */
export interface InvoicePlan {
  contractId: number;
  reference: string;
  title: string;
  clientId: number;
  clientName: string;
  currency: CurrencyCode;
  period: BillingPeriod;
  /** The supply period printed: from the oldest unbilled work (it may predate the period, or the contract) to the period's end. */
  supply: BillingPeriod;
  rawSeconds: number;
  billedSeconds: number;
  entryCount: number;
  expenseCount: number;
  lines: PlannedLine[];
  netMinor: number;
  burn: PlannedBurn | null;
  /** Why this invoice can't be drafted by the run, in words; null when it can. */
  problem: string | null;
  version: StoredVersion;
  timesheetAppendix: boolean;
}

const amountOf = (quantity: string, unitPrice: string, currency: CurrencyCode): number => Number(roundToScale(multiply(decimal(quantity), decimal(unitPrice)), currencyExponent(currency), 'half-up'));
const hoursOf = (seconds: number): string => decimalToString({ units: (BigInt(seconds) * 10_000n) / 3600n, scale: 4 });
const majorOf = (minor: number, currency: CurrencyCode): string => decimalToString({ units: BigInt(minor), scale: currencyExponent(currency) }, currencyExponent(currency));

/** The retainer's fee for the month and the hours over what it includes, carrying unused hours from month to month since the contract started. */
function retainerLines(db: DbOrTx, contractId: number, v: StoredVersion, period: BillingPeriod, periodSeconds: number, allEntryIds: number[]): { lines: PlannedLine[]; burn: PlannedBurn } {
  const retainer = v.retainer!;
  const history = monthlySeconds(db, contractId, period.start);
  let carried = '0';
  for (let month = `${v.startDate.slice(0, 7)}-01`; daysBetween(month, period.start) > 0; month = addMonths(month, 1)) {
    carried = retainerMonth(retainer, hoursOf(history.get(month.slice(0, 7)) ?? 0), carried).carriedOutHours;
  }
  const month = retainerMonth(retainer, hoursOf(periodSeconds), carried);
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period.start}T00:00:00Z`));
  const fee: PlannedLine = {
    description: `${v.title}: retainer for ${monthName} (${retainer.includedHours} h included${decimal(carried).units > 0n ? `, ${carried} h carried in` : ''})`,
    kind: 'fee',
    quantity: '1',
    unit: 'item',
    unitPrice: majorOf(retainer.monthlyFeeMinor, v.currency),
    amountMinor: retainer.monthlyFeeMinor,
    source: 'retainer',
    timeEntryIds: allEntryIds,
    expenseIds: [],
  };
  const lines = [fee];
  if (decimal(month.overageHours).units > 0n) {
    const quantity = decimalToString({ units: roundToScale(decimal(month.overageHours), 4, 'half-up'), scale: 4 });
    const unitPrice = majorOf(retainer.overageRateMinor, v.currency);
    lines.push({ description: `${v.title}: hours over the retainer in ${monthName}`, kind: 'fee', quantity, unit: 'hour', unitPrice, amountMinor: amountOf(quantity, unitPrice, v.currency), source: 'retainer', timeEntryIds: [], expenseIds: [] });
  }
  const used = `${month.usedIncludedHours} of ${month.availableHours} available hours used`;
  const carry = retainer.rollover ? `; ${month.carriedOutHours} h carry into next month` : '';
  const over = decimal(month.overageHours).units > 0n ? `; ${month.overageHours} h over` : '';
  const available = decimal(month.availableHours);
  const level = decimal(month.overageHours).units > 0n ? 'over' : available.units === 0n ? 'ok' : budgetBurn(month.usedIncludedHours, month.availableHours).level;
  return { lines, burn: { kind: 'retainer', text: `${used}${over}${carry}`, level } };
}

/** Budget use counting issued invoices and this one: hours for an hours budget, net money for a money budget. */
function budgetAfter(db: DbOrTx, contractId: number, v: StoredVersion, lines: PlannedLine[], netMinor: number): PlannedBurn | null {
  if (!v.budget) return null;
  const billed = contractBilled(db, contractId);
  let used = DECIMAL_ZERO;
  if (v.budget.kind === 'money') used = decimal(String(billed.netMinor + netMinor));
  else {
    const fees = [...billed.lines, ...lines.filter((l) => l.kind === 'fee')];
    for (const line of fees) {
      if (line.unit === 'hour') used = addDecimals(used, decimal(line.quantity));
      if (line.unit === 'day' && v.hoursPerDay) used = addDecimals(used, multiply(decimal(line.quantity), decimal(v.hoursPerDay)));
    }
  }
  const { percent, level } = budgetBurn(decimalToString(used), v.budget.amount);
  const text =
    v.budget.kind === 'money'
      ? `${formatMoney({ amount: Number(used.units), currency: v.currency })} of ${formatMoney({ amount: Number(v.budget.amount), currency: v.currency })} budget (${percent}%)`
      : `${decimalToString(used)} of ${v.budget.amount} h budget (${percent}%)`;
  return { kind: 'budget', text, level };
}

/**
 * The invoice a contract is due for on `today` (ISO), or null when nothing is due: its billing
 * period (shared/billing/due.ts), the unbilled billable time up to the period's end priced at
 * the terms in effect on that day (rounding, unit, discounted rate: shared/billing/price-work.ts),
 * the retainer's fee and overage, and the rebillable expenses under the expense policy
 * (shared/billing/rebill.ts). A plan that can't be drafted carries its `problem` in words.
 */
export function planInvoice(db: DbOrTx, contract: { id: number; clientId: number; clientName: string; timesheetAppendix: boolean; versions: StoredVersion[] }, grouping: TimeGrouping, today: string): InvoicePlan | null {
  const first = contract.versions.find((v) => v.signedAt !== null);
  if (!first) return null;
  const latest = contract.versions.filter((v) => v.signedAt !== null).at(-1)!;
  const due = first.retainer || latest.retainer ? firstUnbilledPeriod : duePeriod;
  const period = due(latest.billingCycle, first.startDate, latest.endDate, today, billedPeriodStarts(db, contract.id));
  if (!period) return null;
  const v = versionOn(contract.versions, period.end) ?? first;
  // Work from before this period (or before the contract started) that was never billed goes on this invoice too, never left behind.
  const entries = unbilledEntries(db, contract.id, period.end);
  const spent = unbilledExpenses(db, contract.id, period.end);
  const supply = { start: [...entries.map((e) => e.workDate), ...spent.map((e) => e.expenseDate), period.start].sort()[0]!, end: period.end };
  const rounded = billedSeconds(entries, v.rounding);
  const billedTotal = [...rounded.values()].reduce((a, b) => a + b, 0);
  const lines: PlannedLine[] = [];
  let problem: string | null = null;
  let burn: PlannedBurn | null = null;

  if (v.retainer) {
    const inPeriod = entries.filter((e) => daysBetween(period.start, e.workDate) >= 0);
    const retained = retainerLines(db, contract.id, v, period, inPeriod.reduce((sum, e) => sum + e.seconds, 0), entries.map((e) => e.id));
    lines.push(...retained.lines);
    burn = retained.burn;
  } else if (v.unit === 'fixed') {
    if (latest.billingCycle.kind === 'completion') {
      lines.push({ description: v.title, kind: 'fee', quantity: '1', unit: 'fixed', unitPrice: v.resolvedRate, amountMinor: amountOf('1', v.resolvedRate, v.currency), source: 'fixed', timeEntryIds: entries.map((e) => e.id), expenseIds: [] });
    }
  } else {
    for (const line of priceWork(entries, { unit: v.unit, hoursPerDay: v.hoursPerDay, rate: v.resolvedRate, rounding: v.rounding }, grouping, v.title, supply)) {
      lines.push({ description: line.description, kind: 'fee', quantity: line.quantity, unit: line.unit, unitPrice: line.unitPrice, amountMinor: amountOf(line.quantity, line.unitPrice, v.currency), source: 'time', timeEntryIds: line.entryIds, expenseIds: [] });
    }
  }
  if (v.fx?.mode === 'billing-date') problem = `${contractReference(contract.id)} converts its rate at the rate on each billing date, which the billing run can't look up yet. Draft this invoice from the contract by hand.`;

  if (v.expensePolicy.kind !== 'not-rebillable') {
    const missingRate = spent.find((e) => e.currency !== v.currency && e.fxRate === null);
    if (missingRate) problem ??= `The expense “${missingRate.description}” (${describeDay(missingRate.expenseDate)}) is in ${missingRate.currency} with no rate to ${v.currency}. Add its rate on the Expenses page.`;
    else {
      for (const line of rebillExpenses(spent, v.expensePolicy, v.currency)) {
        lines.push({ description: line.description, kind: line.kind, quantity: '1', unit: 'item', unitPrice: line.unitPrice, amountMinor: amountOf('1', line.unitPrice, v.currency), source: 'expense', timeEntryIds: [], expenseIds: [line.expenseId] });
      }
    }
  }
  const netMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  if (lines.length === 0) problem ??= 'Nothing to bill: no unbilled time or expenses up to the end of this period.';
  return {
    contractId: contract.id,
    reference: contractReference(contract.id),
    title: v.title,
    clientId: contract.clientId,
    clientName: contract.clientName,
    currency: v.currency,
    period,
    supply,
    rawSeconds: entries.reduce((sum, e) => sum + e.seconds, 0),
    billedSeconds: billedTotal,
    entryCount: entries.length,
    expenseCount: v.expensePolicy.kind === 'not-rebillable' ? 0 : spent.length,
    lines,
    netMinor,
    burn: burn ?? budgetAfter(db, contract.id, v, lines, netMinor),
    problem,
    version: v,
    timesheetAppendix: contract.timesheetAppendix,
  };
}
