import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { saveRate } from '../../../db/exchange-rates';
import { insertLaterHomeValue, laterHomeValue } from '../../../db/home-values';
import { getInvoiceRow } from '../../../db/invoices';
import { getHomeCurrency } from '../../../db/profile';
import type { fxInput } from '../../../shared/api/invoices';
import { homeValueAtRate } from '../../../shared/invoice/home-value';
import type { InvoiceSnapshot } from '../../../shared/invoice/snapshot';
import { AppError, found, profileMissing } from '../errors';

/**
 * Records the home-currency value of a foreign document issued without one, at a rate the user
 * supplies, beside its frozen snapshot (never in it) and marked as added later. The figures are
 * the snapshot's own, converted per VAT group with its frozen method and rounding. Throws
 * NOT_FOUND, CONFLICT for a draft, a home-currency document, or one that already has a value.
 */
export function addHomeValue(db: Db, id: number, fx: z.output<typeof fxInput>, now: string): void {
  db.transaction((tx) => {
    const row = found(getInvoiceRow(tx, id), 'This document');
    if (row.status !== 'issued') throw new AppError('CONFLICT', 'A draft gets its home-currency value when it is issued.');
    const homeCurrency = found(getHomeCurrency(tx), profileMissing());
    if (row.currency === homeCurrency) throw new AppError('CONFLICT', `This document is already in ${homeCurrency}.`);
    const snapshot = row.snapshot as InvoiceSnapshot;
    if (snapshot.calculation.home || laterHomeValue(tx, id)) throw new AppError('CONFLICT', `${row.number} already has its ${homeCurrency} value, and it can't be changed.`);
    const settings = { fxMethod: snapshot.settings?.fxMethod ?? 'A', vatRounding: snapshot.settings?.vatRounding ?? 'half-up' } as const;
    const value = homeValueAtRate(snapshot.calculation, fx.rate, homeCurrency, settings);
    insertLaterHomeValue(tx, id, { currency: homeCurrency, ...fx, ...value, addedAt: now });
    saveRate(tx, homeCurrency, row.currency, fx, now);
  });
}
