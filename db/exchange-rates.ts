import { and, desc, eq } from 'drizzle-orm';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';
import { exchangeRates } from './schema';

export interface StoredRate {
  rate: string;
  source: string;
  date: string;
}

/** Remembers a rate used on an issued invoice, so the next one can pick it. */
export function saveRate(db: DbOrTx, homeCurrency: CurrencyCode, currency: CurrencyCode, rate: StoredRate, now: string): void {
  db.insert(exchangeRates).values({ homeCurrency, currency, ...rate, createdAt: now }).onConflictDoNothing().run();
}

export function listRates(db: DbOrTx, homeCurrency: CurrencyCode, currency: CurrencyCode): StoredRate[] {
  return db
    .select({ rate: exchangeRates.rate, source: exchangeRates.source, date: exchangeRates.date })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.homeCurrency, homeCurrency), eq(exchangeRates.currency, currency)))
    .orderBy(desc(exchangeRates.date), desc(exchangeRates.id))
    .limit(20)
    .all();
}
