import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { FxSource } from '../shared/money/fx';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';
import { exchangeRates } from './schema';

export interface StoredRate {
  rate: string;
  source: FxSource;
  date: string;
}

export interface RateRow extends StoredRate {
  id: number;
  currency: CurrencyCode;
}

const rowColumns = { id: exchangeRates.id, currency: exchangeRates.currency, rate: exchangeRates.rate, source: exchangeRates.source, date: exchangeRates.date };

/** Remembers a rate used on an issued document, so the next one can pick it; an existing rate for the same pair, source and date is kept. */
export function saveRate(db: DbOrTx, homeCurrency: CurrencyCode, currency: CurrencyCode, rate: StoredRate, now: string): void {
  db.insert(exchangeRates).values({ homeCurrency, currency, ...rate, createdAt: now }).onConflictDoNothing().run();
}

/**
 * The one rate lookup: the latest stored rate for home → currency dated on or before `on` (ISO
 * date), from `source` when given, and not before `notBefore` when given. Undefined when none.
 */
export function lookupRate(
  db: DbOrTx,
  pair: { homeCurrency: CurrencyCode; currency: CurrencyCode },
  on: string,
  options: { source?: FxSource; notBefore?: string } = {},
): StoredRate | undefined {
  const where: SQL[] = [eq(exchangeRates.homeCurrency, pair.homeCurrency), eq(exchangeRates.currency, pair.currency), lte(exchangeRates.date, on)];
  if (options.source) where.push(eq(exchangeRates.source, options.source));
  if (options.notBefore) where.push(gte(exchangeRates.date, options.notBefore));
  const row = db
    .select({ rate: exchangeRates.rate, source: exchangeRates.source, date: exchangeRates.date })
    .from(exchangeRates)
    .where(and(...where))
    .orderBy(desc(exchangeRates.date), desc(exchangeRates.id))
    .get();
  return row ? { ...row, source: row.source as FxSource } : undefined;
}

/**
 * `lookupRate` for many dates at once: a function giving, for any ISO date from `from` to
 * `until`, the same rate `lookupRate(db, pair, on)` would, from one read of the rates in between.
 * For reports that value hundreds of records of one period.
 */
export function rateTimeline(db: DbOrTx, pair: { homeCurrency: CurrencyCode; currency: CurrencyCode }, from: string, until: string): (on: string) => StoredRate | undefined {
  const first = lookupRate(db, pair, from);
  const later = db
    .select({ rate: exchangeRates.rate, source: exchangeRates.source, date: exchangeRates.date })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.homeCurrency, pair.homeCurrency), eq(exchangeRates.currency, pair.currency), sql`${exchangeRates.date} > ${from}`, lte(exchangeRates.date, until)))
    .orderBy(asc(exchangeRates.date), asc(exchangeRates.id))
    .all()
    .map((row) => ({ ...row, source: row.source as FxSource }));
  const timeline = first ? [first, ...later] : later;
  return (on) => {
    // The last rate dated on or before `on` (on a tie of dates, the last stored, as lookupRate).
    let low = 0;
    let high = timeline.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (timeline[mid]!.date <= on) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? undefined : timeline[low - 1];
  };
}

/**
 * The stored rate for home → currency dated nearest to `on` (ISO date), before or after, leaving
 * out row `exceptId` (the row being edited). A typo check compares against it. Undefined when none.
 */
export function nearestRate(db: DbOrTx, pair: { homeCurrency: CurrencyCode; currency: CurrencyCode }, on: string, exceptId: number | null = null): StoredRate | undefined {
  const row = db
    .select({ rate: exchangeRates.rate, source: exchangeRates.source, date: exchangeRates.date })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.homeCurrency, pair.homeCurrency), eq(exchangeRates.currency, pair.currency), exceptId === null ? undefined : sql`${exchangeRates.id} <> ${exceptId}`))
    .orderBy(sql`abs(julianday(${exchangeRates.date}) - julianday(${on}))`, desc(exchangeRates.date))
    .get();
  return row ? { ...row, source: row.source as FxSource } : undefined;
}

/** One page of stored rates against the home currency, newest first; `currency` null for all. */
export function listRates(db: DbOrTx, homeCurrency: CurrencyCode, currency: CurrencyCode | null, page: { offset: number; limit: number }): { rows: RateRow[]; total: number } {
  const where = and(eq(exchangeRates.homeCurrency, homeCurrency), currency ? eq(exchangeRates.currency, currency) : undefined);
  const rows = db
    .select(rowColumns)
    .from(exchangeRates)
    .where(where)
    .orderBy(desc(exchangeRates.date), exchangeRates.currency, desc(exchangeRates.id))
    .limit(page.limit)
    .offset(page.offset)
    .all() as RateRow[];
  const { total } = db.select({ total: count() }).from(exchangeRates).where(where).get()!;
  return { rows, total };
}

export function getRate(db: DbOrTx, id: number): (RateRow & { homeCurrency: CurrencyCode }) | undefined {
  return db
    .select({ ...rowColumns, homeCurrency: exchangeRates.homeCurrency })
    .from(exchangeRates)
    .where(eq(exchangeRates.id, id))
    .get() as (RateRow & { homeCurrency: CurrencyCode }) | undefined;
}

/** The id of the rate stored for this pair, source and date, if any (they are unique together). */
export function rateIdFor(db: DbOrTx, homeCurrency: CurrencyCode, rate: Omit<RateRow, 'id' | 'rate'>): number | undefined {
  return db
    .select({ id: exchangeRates.id })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.homeCurrency, homeCurrency), eq(exchangeRates.currency, rate.currency), eq(exchangeRates.source, rate.source), eq(exchangeRates.date, rate.date)))
    .get()?.id;
}

/** Stores rates, replacing the rate of any already stored for the same pair, source and date. */
export function upsertRates(db: DbOrTx, homeCurrency: CurrencyCode, rates: readonly Omit<RateRow, 'id'>[], now: string): void {
  // SQLite allows 32,766 variables a statement; 6 columns a row, so chunks of 1,000 rows.
  for (let i = 0; i < rates.length; i += 1000) {
    db.insert(exchangeRates)
      .values(rates.slice(i, i + 1000).map((r) => ({ homeCurrency, ...r, createdAt: now })))
      .onConflictDoUpdate({ target: [exchangeRates.homeCurrency, exchangeRates.currency, exchangeRates.source, exchangeRates.date], set: { rate: sql`excluded.rate` } })
      .run();
  }
}

export function updateRate(db: DbOrTx, id: number, rate: Omit<RateRow, 'id'>): void {
  db.update(exchangeRates).set(rate).where(eq(exchangeRates.id, id)).run();
}

export function deleteRate(db: DbOrTx, id: number): boolean {
  return db.delete(exchangeRates).where(eq(exchangeRates.id, id)).run().changes > 0;
}
