import { asc, count, countDistinct, eq, sql } from 'drizzle-orm';
import type { RateUnit } from '../shared/contracts/types';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';
import { contractVersions, rateCards, rateCardVersions } from './schema';

export interface RateCardRow {
  id: number;
  name: string;
  unit: RateUnit;
  currency: CurrencyCode;
  isDefault: boolean;
  archivedAt: string | null;
}

export interface RateCardVersionRow {
  id: number;
  rateCardId: number;
  effectiveFrom: string;
  amountMinor: number;
  hoursPerDay: string | null;
}

const cardColumns = { id: rateCards.id, name: rateCards.name, unit: rateCards.unit, currency: rateCards.currency, isDefault: rateCards.isDefault, archivedAt: rateCards.archivedAt };
const versionColumns = { id: rateCardVersions.id, rateCardId: rateCardVersions.rateCardId, effectiveFrom: rateCardVersions.effectiveFrom, amountMinor: rateCardVersions.amountMinor, hoursPerDay: rateCardVersions.hoursPerDay };

/** Every rate card, by name (case-insensitive). */
export function listRateCards(db: DbOrTx): RateCardRow[] {
  return db.select(cardColumns).from(rateCards).orderBy(sql`${rateCards.name} collate nocase`).all();
}

export function getRateCard(db: DbOrTx, id: number): RateCardRow | undefined {
  return db.select(cardColumns).from(rateCards).where(eq(rateCards.id, id)).get();
}

/** Every price of every card, oldest first within a card. */
export function listRateCardVersions(db: DbOrTx, rateCardId?: number): RateCardVersionRow[] {
  const query = db.select(versionColumns).from(rateCardVersions);
  return (rateCardId === undefined ? query : query.where(eq(rateCardVersions.rateCardId, rateCardId))).orderBy(asc(rateCardVersions.rateCardId), asc(rateCardVersions.effectiveFrom)).all();
}

/** Contracts per rate card id (an amended contract counts once), for "used by". */
export function rateCardUse(db: DbOrTx): Map<number, number> {
  const rows = db.select({ id: contractVersions.rateCardId, n: countDistinct(contractVersions.contractId) }).from(contractVersions).groupBy(contractVersions.rateCardId).all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The prices contracts were priced from, as `${rateCardId}:${effectiveFrom}`: those stay (a trigger refuses their delete). */
export function usedRateCardPrices(db: DbOrTx): Set<string> {
  const rows = db.selectDistinct({ id: contractVersions.rateCardId, from: contractVersions.rateCardVersionFrom }).from(contractVersions).all();
  return new Set(rows.map((r) => `${r.id}:${r.from}`));
}

/** True when a contract version was priced from this card's price of `effectiveFrom`. */
export function rateCardVersionUsed(db: DbOrTx, rateCardId: number, effectiveFrom: string): boolean {
  return (
    db
      .select({ n: count() })
      .from(contractVersions)
      .where(sql`${contractVersions.rateCardId} = ${rateCardId} and ${contractVersions.rateCardVersionFrom} = ${effectiveFrom}`)
      .get()!.n > 0
  );
}

/** True when another card (not `exceptId`) already has this name, compared case-insensitively. */
export function rateCardNameTaken(db: DbOrTx, name: string, exceptId: number | null): boolean {
  const row = db.select({ id: rateCards.id }).from(rateCards).where(sql`${rateCards.name} = ${name} collate nocase`).get();
  return row !== undefined && row.id !== exceptId;
}

/** Inserts a card and returns its id; clears the old default first when this one is the default. */
export function insertRateCard(db: DbOrTx, card: { name: string; unit: RateUnit; currency: CurrencyCode; isDefault: boolean }, now: string): number {
  if (card.isDefault) clearDefault(db, now);
  return db.insert(rateCards).values({ ...card, createdAt: now, updatedAt: now }).returning({ id: rateCards.id }).get().id;
}

export function updateRateCard(db: DbOrTx, id: number, change: { name: string; isDefault: boolean; archivedAt: string | null }, now: string): void {
  if (change.isDefault) clearDefault(db, now);
  db.update(rateCards).set({ ...change, updatedAt: now }).where(eq(rateCards.id, id)).run();
}

function clearDefault(db: DbOrTx, now: string): void {
  db.update(rateCards).set({ isDefault: false, updatedAt: now }).where(eq(rateCards.isDefault, true)).run();
}

/** Adds a price from `effectiveFrom` (ISO date); a unique index refuses a second price on the same date. */
export function insertRateCardVersion(db: DbOrTx, version: Omit<RateCardVersionRow, 'id'>, now: string): number {
  return db.insert(rateCardVersions).values({ ...version, createdAt: now }).returning({ id: rateCardVersions.id }).get().id;
}

export function getRateCardVersion(db: DbOrTx, id: number): RateCardVersionRow | undefined {
  return db.select(versionColumns).from(rateCardVersions).where(eq(rateCardVersions.id, id)).get();
}

/** Deletes a price; a trigger refuses one a contract was priced from. */
export function deleteRateCardVersion(db: DbOrTx, id: number): void {
  db.delete(rateCardVersions).where(eq(rateCardVersions.id, id)).run();
}
