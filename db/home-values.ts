import { eq } from 'drizzle-orm';
import type { FxSource } from '../shared/money/fx';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { HomeValue } from '../shared/invoice/home-value';
import type { DbOrTx } from './client';
import { documentHomeValues } from './schema';

/** A home value recorded after issue, beside the frozen snapshot; amounts in the home currency's minor units. */
export interface LaterHomeValue extends HomeValue {
  currency: CurrencyCode;
  rate: string;
  source: FxSource;
  date: string;
  addedAt: string;
}

export function laterHomeValue(db: DbOrTx, invoiceId: number): LaterHomeValue | undefined {
  const row = db.select().from(documentHomeValues).where(eq(documentHomeValues.invoiceId, invoiceId)).get();
  if (!row) return undefined;
  return { currency: row.homeCurrency!, rate: row.rate, source: row.source as FxSource, date: row.date, net: row.homeNet, vat: row.homeVat, gross: row.homeGross, addedAt: row.addedAt };
}

/** Records it once; the table's triggers refuse a change, a removal, or a document that is not issued. */
export function insertLaterHomeValue(db: DbOrTx, invoiceId: number, value: LaterHomeValue): void {
  db.insert(documentHomeValues)
    .values({
      invoiceId,
      homeCurrency: value.currency,
      rate: value.rate,
      source: value.source,
      date: value.date,
      homeNet: value.net,
      homeVat: value.vat,
      homeGross: value.gross,
      addedAt: value.addedAt,
    })
    .run();
}
