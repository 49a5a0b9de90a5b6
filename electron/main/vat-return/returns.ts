import Papa from 'papaparse';
import type { Db, DbOrTx } from '../../../db/client';
import { getProfile } from '../../../db/profile';
import { getVatReturnSettings, saveVatReturnSettings } from '../../../db/settings';
import { finalisedReturns, insertFinalisedReturn, type StoredVatReturn } from '../../../db/vat-returns';
import type { VatReturnSettings, VatReturnView, VatSourcesPage } from '../../../shared/api/vat-return';
import { addDays, addMonths } from '../../../shared/dates/calendar';
import { compareText } from '../../../shared/text/order';
import { BOX_DESCRIPTIONS, BOXES, computeVatReturn, isPenceBox, type Box, type BoxSource, type ReturnScheme, type VatReturn } from '../../../shared/vat-return/boxes';
import { toMtdReturn } from '../../../shared/vat-return/mtd';
import { nextReturnPeriod, returnDueDate, returnPeriodOf, type ReturnFrequency, type ReturnPeriod } from '../../../shared/vat-return/periods';
import { AppError, profileMissing } from '../errors';
import { gatherReturnRecords, gatherReturnTotals, type ReturnTotals } from './inputs';

/** What the returns of this business are computed on, or the reason it has none. */
interface ReturnSetup {
  homeCurrency: 'GBP';
  frequency: ReturnFrequency;
  since: string;
  scheme: (limitedCostTrader: boolean) => ReturnScheme;
  schemeName: VatReturnView['scheme'];
  settings: VatReturnSettings;
}

/**
 * The UK VAT return setup from the profile and the VAT return settings. Throws CONFLICT, in words
 * that say what to do, when the business is not a UK VAT-registered one, files under the small
 * business exemption, has no registration date, or is on the Flat Rate Scheme without its rate.
 */
function returnSetup(db: DbOrTx): ReturnSetup {
  const profile = getProfile(db, { withLogo: false });
  if (!profile) throw profileMissing();
  if (!['GB', 'IM'].includes(profile.country) || profile.homeCurrency !== 'GBP') {
    throw new AppError('CONFLICT', 'The UK VAT return is for a business in the UK whose home currency is GBP. Check your business profile.');
  }
  if (!profile.vatRegistered || profile.vatScheme === 'small-business-exemption') {
    throw new AppError('CONFLICT', 'Your business profile says you are not VAT-registered, so there is no VAT return to make.');
  }
  const settings = getVatReturnSettings(db);
  if (!settings.registeredOn) throw new AppError('CONFLICT', 'Enter your VAT registration date in the VAT return settings first: returns start from it.');
  const frequency: ReturnFrequency = settings.frequency === 'monthly' ? { kind: 'monthly' } : { kind: 'quarterly', stagger: settings.stagger };
  const flatRatePercent = settings.flatRatePercent;
  if (profile.vatScheme === 'flat-rate' && !flatRatePercent) {
    throw new AppError('CONFLICT', 'You are on the Flat Rate Scheme: enter your sector’s flat rate in the VAT return settings first.');
  }
  const firstYearEnds = addMonths(settings.registeredOn, 12);
  return {
    homeCurrency: 'GBP',
    frequency,
    since: settings.registeredOn,
    settings,
    schemeName: profile.vatScheme === 'flat-rate' ? 'flat-rate' : profile.vatScheme === 'cash-accounting' ? 'cash-accounting' : 'standard',
    scheme: (limitedCostTrader) =>
      profile.vatScheme === 'flat-rate'
        ? { accounting: 'invoice', flatRate: { sectorPercent: flatRatePercent!, limitedCostTrader, firstYearEnds } }
        : { accounting: profile.vatScheme === 'cash-accounting' ? 'cash' : 'invoice', flatRate: null },
  };
}

/**
 * Saves the VAT return settings. Throws VALIDATION on `registeredOn` for a registration date after
 * `today` (there is no return to make yet), and CONFLICT when a return has been finalised and the
 * change would move the periods already filed (frequency, quarter ends or registration date):
 * a filed return stays as HMRC has it (rules §5).
 */
export function saveReturnSettings(db: Db, settings: VatReturnSettings, today: string, now: string): VatReturnSettings {
  if (settings.registeredOn !== null && settings.registeredOn > today) {
    throw new AppError('VALIDATION', 'The VAT registration date can’t be in the future.', { registeredOn: 'Enter the date you registered, today or earlier' });
  }
  return db.transaction((tx) => {
    const current = getVatReturnSettings(tx);
    const periodsMove =
      settings.frequency !== current.frequency || (settings.frequency === 'quarterly' && settings.stagger !== current.stagger) || settings.registeredOn !== current.registeredOn;
    if (periodsMove && finalisedReturns(tx).length > 0) {
      throw new AppError('CONFLICT', 'You have finalised VAT returns, so their periods can’t change: the frequency, quarter ends and registration date stay as filed.');
    }
    return saveVatReturnSettings(tx, settings, now);
  });
}

/** Every period from registration to the one containing `today`, oldest first. */
function periodsUntil(setup: ReturnSetup, today: string): ReturnPeriod[] {
  const periods: ReturnPeriod[] = [];
  for (let p = returnPeriodOf(setup.since, setup.frequency); p.start <= today; p = nextReturnPeriod(p, setup.frequency)) periods.push(p);
  return periods;
}

/** A finalised return's figures as stored; returns finalised before record counts were kept count their sources. */
function viewOfStored(stored: StoredVatReturn): VatReturnView {
  const result = stored.result as VatReturn;
  const scheme = stored.scheme as ReturnScheme;
  return {
    period: result.period,
    dueDate: returnDueDate(result.period),
    state: 'finalised',
    periodKey: stored.periodKey,
    finalisedAt: stored.finalisedAt,
    scheme: scheme.flatRate ? 'flat-rate' : scheme.accounting === 'cash' ? 'cash-accounting' : 'standard',
    boxes: result.boxes,
    direction: result.direction,
    records: result.records ?? (Object.fromEntries(BOXES.map((box) => [box, result.sources[box]?.length ?? 0])) as Record<Box, number>),
    problems: [],
  };
}

/**
 * The records from `from` to `until` that no finalised return counted, read once for any number of
 * periods. The earliest open period reads back to registration, for records that came in late.
 * `listed` reads them one by one, so each box can list what is behind it (finalising, the drill-down,
 * the export); otherwise the home currency's are summed, for the figures alone.
 */
function readRecords(db: DbOrTx, setup: ReturnSetup, from: string, until: string, listed: boolean): { records: ReturnTotals; counted: ReadonlySet<string> } {
  const range = { from, until };
  // The queries have already left out what finalised returns counted.
  const accounting = setup.schemeName === 'cash-accounting' ? 'cash' : 'invoice';
  const gather = listed ? gatherReturnRecords : gatherReturnTotals;
  return { records: gather(db, setup.homeCurrency, range, accounting), counted: new Set<string>() };
}

/** The return for an open period as it stands today, computed from the records. */
function computeOpen(
  { records, counted }: ReturnType<typeof readRecords>,
  setup: ReturnSetup,
  period: ReturnPeriod,
  earliestOpen: boolean,
  limitedCostTrader: boolean,
): { view: VatReturnView; result: VatReturn; scheme: ReturnScheme } {
  const scheme = setup.scheme(limitedCostTrader);
  const result = computeVatReturn({ period, scheme, earliestOpen, since: setup.since, counted, wholePounds: setup.settings.wholePounds, ...records });
  return {
    result,
    scheme,
    view: {
      period,
      dueDate: returnDueDate(period),
      state: 'open',
      periodKey: null,
      finalisedAt: null,
      scheme: setup.schemeName,
      boxes: result.boxes,
      direction: result.direction,
      records: result.records,
      // Only the problems in what this return takes in: its dates, and payments only on cash accounting.
      problems: records.problems
        .filter((p) => p.date >= setup.since && p.date <= period.end && (earliestOpen || p.date >= period.start) && (p.kind !== 'payment' || scheme.accounting === 'cash'))
        .map((p) => p.message),
    },
  };
}

/** Finds `periodStart` among the periods so far; throws NOT_FOUND for a date that does not start one. */
function findPeriod(setup: ReturnSetup, periodStart: string, today: string): { period: ReturnPeriod; index: number; periods: ReturnPeriod[] } {
  const periods = periodsUntil(setup, today);
  const index = periods.findIndex((p) => p.start === periodStart);
  if (index === -1) throw new AppError('NOT_FOUND', `No VAT return period starts on ${periodStart}. Choose one from the list.`);
  return { period: periods[index]!, index, periods };
}

/**
 * Every return period from VAT registration to today's, newest first: finalised ones as declared,
 * open ones computed now (box 5 in pence). Throws CONFLICT when there is no UK VAT return to make.
 */
export function listReturnPeriods(db: DbOrTx, today: string) {
  const setup = returnSetup(db);
  const stored = new Map(finalisedReturns(db).map((r) => [r.periodStart, r]));
  const periods = periodsUntil(setup, today);
  const earliestOpenStart = periods.find((p) => !stored.has(p.start))?.start;
  const read = readRecords(db, setup, setup.since, periods.at(-1)!.end, false);
  const byDate = datedRecords(read.records);
  return periods
    .map((period) => {
      const done = stored.get(period.start);
      const earliestOpen = period.start === earliestOpenStart;
      const own = { records: byDate(earliestOpen ? setup.since : period.start, period.end), counted: read.counted };
      const view = done ? viewOfStored(done) : computeOpen(own, setup, period, earliestOpen, false).view;
      return { start: period.start, end: period.end, dueDate: view.dueDate, state: view.state, periodKey: view.periodKey, box5: view.boxes.box5!, direction: view.direction };
    })
    .reverse();
}

/** An entry's date: a sale's tax point, a payment's or purchase's date, a problem's. */
const dateOf = (entry: { taxPoint: string } | { date: string }) => ('taxPoint' in entry ? entry.taxPoint : entry.date);

/** First index in `sorted` (by date) whose date is at least `date`. */
function firstOnOrAfter<T extends { taxPoint: string } | { date: string }>(sorted: readonly T[], date: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (dateOf(sorted[mid]!) < date) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Records read once for many periods, sorted by date, cut to any range `from`..`until` (ISO) by
 * binary search: each period's return then walks its own records, not ten years of them.
 */
function datedRecords(records: ReturnTotals): (from: string, until: string) => ReturnTotals {
  const sorted = <T extends { taxPoint: string } | { date: string }>(list: readonly T[]) => [...list].sort((a, b) => compareText(dateOf(a), dateOf(b)));
  const all = { sales: sorted(records.sales), payments: sorted(records.payments), purchases: sorted(records.purchases), problems: sorted(records.problems) };
  const cut = <T extends { taxPoint: string } | { date: string }>(list: T[], from: string, until: string) => {
    const next = addDays(until, 1);
    return list.slice(firstOnOrAfter(list, from), firstOnOrAfter(list, next));
  };
  return (from, until) => ({
    sales: cut(all.sales, from, until),
    payments: cut(all.payments, from, until),
    purchases: cut(all.purchases, from, until),
    problems: cut(all.problems, from, until),
  });
}

/**
 * The periods that have ended and are not finalised yet, oldest first, with their deadlines (ISO):
 * the returns still to file. Empty, not an error, for a business with no UK VAT return to make or
 * whose return settings are incomplete (the VAT returns screen says what is missing).
 */
export function returnsToFile(db: DbOrTx, today: string): { start: string; end: string; dueDate: string }[] {
  let setup: ReturnSetup;
  try {
    setup = returnSetup(db);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') return [];
    throw error;
  }
  const finalised = new Set(finalisedReturns(db).map((r) => r.periodStart));
  return periodsUntil(setup, today)
    .filter((p) => p.end < today && !finalised.has(p.start))
    .map((p) => ({ start: p.start, end: p.end, dueDate: returnDueDate(p) }));
}

/**
 * The return for the period starting `periodStart`: as finalised, or computed now, with how many
 * records are behind each box (`returnSources` lists them). `limitedCostTrader` applies the 16.5% flat
 * rate (Flat Rate Scheme only). Throws NOT_FOUND for an unknown period and CONFLICT as `listReturnPeriods`.
 */
export function getReturn(db: DbOrTx, periodStart: string, today: string, limitedCostTrader = false): VatReturnView {
  return returnOf(db, periodStart, today, limitedCostTrader, false).view;
}

/** The period's return as `getReturn` gives it, with the records behind each box when `listed`. */
function returnOf(db: DbOrTx, periodStart: string, today: string, limitedCostTrader: boolean, listed: boolean): { view: VatReturnView; sources: Record<Box, BoxSource[]> } {
  const setup = returnSetup(db);
  const stored = finalisedReturns(db);
  const done = stored.find((r) => r.periodStart === periodStart);
  if (done) return { view: viewOfStored(done), sources: (done.result as VatReturn).sources };
  const { period, periods } = findPeriod(setup, periodStart, today);
  const finalisedStarts = new Set(stored.map((r) => r.periodStart));
  const earliestOpen = periods.find((p) => !finalisedStarts.has(p.start))?.start === period.start;
  const { view, result } = computeOpen(readRecords(db, setup, earliestOpen ? setup.since : period.start, period.end, listed), setup, period, earliestOpen, limitedCostTrader);
  return { view, sources: result.sources };
}

/**
 * The records behind one box of the period's return, `limit` from `offset` in the order the box adds
 * them (date, then record), and how many there are: pence for every box (a record's share, before
 * boxes 6–9 drop their pence). Throws as `getReturn`.
 */
export function returnSources(db: DbOrTx, input: { periodStart: string; box: Box; limitedCostTrader: boolean; offset: number; limit: number }, today: string): VatSourcesPage {
  const all = returnOf(db, input.periodStart, today, input.limitedCostTrader, true).sources[input.box] ?? [];
  return { total: all.length, sources: all.slice(input.offset, input.offset + input.limit) };
}

/**
 * Finalises the return for a period that has ended, the earliest one still open: stores its figures
 * and the records it counted, never to change (rules §5; later records fall into the next open
 * period). Throws NOT_FOUND, CONFLICT when the period has not ended, an earlier one is still open,
 * or a record could not be valued.
 */
export function finaliseReturn(db: Db, input: { periodStart: string; periodKey: string; limitedCostTrader: boolean }, today: string, now: string): VatReturnView {
  return db.transaction((tx) => {
    const setup = returnSetup(tx);
    const stored = finalisedReturns(tx);
    if (stored.some((r) => r.periodStart === input.periodStart)) throw new AppError('CONFLICT', 'This VAT return is already finalised.');
    const { period, periods } = findPeriod(setup, input.periodStart, today);
    if (period.end >= today) throw new AppError('CONFLICT', `This period runs until ${period.end}: finalise its return after it ends.`);
    const finalisedStarts = new Set(stored.map((r) => r.periodStart));
    const earliest = periods.find((p) => !finalisedStarts.has(p.start))!;
    if (earliest.start !== period.start) throw new AppError('CONFLICT', `Finalise the return for ${earliest.start} to ${earliest.end} first: returns are finalised in order.`);
    const { result, scheme, view } = computeOpen(readRecords(tx, setup, setup.since, period.end, true), setup, period, true, input.limitedCostTrader);
    if (view.problems.length > 0) throw new AppError('CONFLICT', `Some records have no sterling value yet, so this return would be incomplete. ${view.problems.join(' ')}`);
    insertFinalisedReturn(tx, { periodStart: period.start, periodEnd: period.end, periodKey: input.periodKey, scheme, result, finalisedAt: now }, result.counts);
    return { ...view, state: 'finalised' as const, periodKey: input.periodKey, finalisedAt: now };
  });
}

const poundsText = (box: Box, value: number) => (isPenceBox(box) ? (value / 100).toFixed(2) : String(value));

/**
 * The return as a file for a bridging tool or an accountant: the MTD JSON body (rules §5.1 field
 * names; `finalised` true only for a finalised return), or CSV with the nine boxes and then every
 * record behind each box. Throws as `getReturn`.
 */
export function exportReturn(db: DbOrTx, input: { periodStart: string; format: 'json' | 'csv'; limitedCostTrader: boolean }, today: string) {
  const { view, sources } = returnOf(db, input.periodStart, today, input.limitedCostTrader, true);
  const name = `vat-return-${view.period.start}-to-${view.period.end}${view.state === 'open' ? '-draft' : ''}`;
  if (input.format === 'json') {
    const body = toMtdReturn(view.boxes as VatReturn['boxes'], view.periodKey ?? '', view.state === 'finalised');
    return { fileName: `${name}.json`, mimeType: 'application/json', text: `${JSON.stringify(body, null, 2)}\n` };
  }
  const rows: (string | number)[][] = [['Box', 'Description', 'Value (GBP)']];
  for (const box of BOXES) rows.push([box.replace('box', ''), BOX_DESCRIPTIONS[box], poundsText(box, view.boxes[box]!)]);
  rows.push([], ['Box', 'Date', 'Record', 'Amount (GBP)']);
  for (const box of BOXES) for (const s of sources[box] ?? []) rows.push([box.replace('box', ''), s.date, s.ref.label, (s.amount / 100).toFixed(2)]);
  return { fileName: `${name}.csv`, mimeType: 'text/csv', text: `${Papa.unparse(rows)}\r\n` };
}
