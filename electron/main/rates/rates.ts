import type { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/client';
import { deleteRate, getRate, listRates, lookupRate, nearestRate, rateIdFor, updateRate, upsertRates, type RateRow, type StoredRate } from '../../../db/exchange-rates';
import { getHomeCurrency } from '../../../db/profile';
import { RATES_PAGE_SIZE, type rateImportInput, type rateInput, type rateListQuery } from '../../../shared/api/rates';
import { rateImplausibility } from '../../../shared/money/fx';
import { parseRateFile } from '../../../shared/money/rate-files';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { AppError, found, notFound, profileMissing } from '../errors';

function home(db: DbOrTx): CurrencyCode {
  return found(getHomeCurrency(db), profileMissing());
}

/** One page (RATES_PAGE_SIZE rows) of the stored rates against the home currency, newest first. Throws NOT_FOUND without a profile. */
export function ratePage(db: DbOrTx, query: z.output<typeof rateListQuery>): { rows: RateRow[]; total: number; pageSize: number } {
  const page = listRates(db, home(db), query.currency, { offset: query.page * RATES_PAGE_SIZE, limit: RATES_PAGE_SIZE });
  return { ...page, pageSize: RATES_PAGE_SIZE };
}

/**
 * The rate to offer for a document in `currency` with tax point `date` (ISO): the HMRC period rate
 * for that month first (rules §2.5.2), else the latest stored rate of that month on or before the
 * date, else the latest before it. Null for the home currency or when nothing is stored.
 */
export function suggestRate(db: DbOrTx, currency: CurrencyCode, date: string): StoredRate | null {
  const homeCurrency = home(db);
  if (currency === homeCurrency) return null;
  const pair = { homeCurrency, currency };
  const monthStart = `${date.slice(0, 7)}-01`;
  return lookupRate(db, pair, date, { source: 'hmrc-period', notBefore: monthStart }) ?? lookupRate(db, pair, date) ?? null;
}

/**
 * Refuses a rate that looks like a typo against the nearest stored rate for the pair
 * (shared/money/fx.ts rateImplausibility), leaving out row `exceptId`, the one being edited.
 * Throws VALIDATION on `field`.
 */
export function checkPlausibleRate(db: DbOrTx, pair: { homeCurrency: CurrencyCode; currency: CurrencyCode }, rate: { rate: string; date: string }, field: string, exceptId: number | null = null): void {
  const problem = rateImplausibility(rate.rate, nearestRate(db, pair, rate.date, exceptId), pair.currency, pair.homeCurrency);
  if (problem) throw new AppError('VALIDATION', problem, { [field]: problem });
}

/**
 * Adds a rate (no id) or changes one, per 1 unit of the home currency. Throws VALIDATION on
 * `currency` for the home currency itself, on `date` when the same currency, source and date is
 * already stored as another row, on `rate` when it looks like a typo (checkPlausibleRate);
 * NOT_FOUND for an unknown id.
 */
export function saveUserRate(db: Db, input: z.output<typeof rateInput>, now: string): RateRow {
  return db.transaction((tx) => {
    const homeCurrency = home(tx);
    if (input.currency === homeCurrency) throw new AppError('VALIDATION', `${homeCurrency} is your home currency.`, { currency: 'Choose a currency other than your home currency' });
    const { id, ...rate } = input;
    if (id !== null) found(getRate(tx, id), 'This rate');
    checkPlausibleRate(tx, { homeCurrency, currency: rate.currency }, rate, 'rate', id);
    const existing = rateIdFor(tx, homeCurrency, rate);
    if (existing !== undefined && existing !== id) {
      throw new AppError('VALIDATION', `A ${rate.currency} rate from this source for ${rate.date} is already stored. Edit that one instead.`, { date: 'Already stored for this date and source' });
    }
    if (id === null) upsertRates(tx, homeCurrency, [rate], now);
    else updateRate(tx, id, rate);
    return { id: id ?? rateIdFor(tx, homeCurrency, rate)!, ...rate };
  });
}

/** Removes a stored rate; documents keep the rate they were issued at. Throws NOT_FOUND. */
export function removeRate(db: DbOrTx, id: number): { id: number } {
  if (!deleteRate(db, id)) throw notFound('This rate');
  return { id };
}

/**
 * Imports an HMRC monthly or ECB reference-rate file (see parseRateFile), all or nothing, in one
 * transaction; rates already stored for the same currency, source and date take the file's value.
 * Throws VALIDATION on `file` naming the bad row, with nothing imported.
 */
export function importRateFile(db: Db, input: z.output<typeof rateImportInput>, now: string): { kind: 'hmrc' | 'ecb'; imported: number; skipped: string[] } {
  const homeCurrency = home(db);
  const result = parseRateFile(input.text, homeCurrency);
  if (!result.ok) throw new AppError('VALIDATION', result.message, { file: result.message });
  db.transaction((tx) => upsertRates(tx, homeCurrency, result.rates, now));
  return { kind: result.kind, imported: result.rates.length, skipped: result.skipped };
}
