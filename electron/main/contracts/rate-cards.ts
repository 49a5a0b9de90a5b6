import type { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/client';
import {
  deleteRateCardVersion,
  getRateCard,
  getRateCardVersion,
  insertRateCard,
  insertRateCardVersion,
  listRateCards,
  listRateCardVersions,
  rateCardNameTaken,
  rateCardUse,
  rateCardVersionUsed,
  updateRateCard,
  usedRateCardPrices,
  type RateCardVersionRow,
} from '../../../db/rate-cards';
import type { RateCard, rateCardInput, rateCardPriceInput, rateCardUpdateInput } from '../../../shared/api/rate-cards';
import { parseMoney } from '../../../shared/money/money';
import { rateVersionOn } from '../../../shared/contracts/rate-cards';
import { AppError, found } from '../errors';

const nameTaken = () => new AppError('VALIDATION', 'A rate card with this name already exists.', { name: 'Already used by another rate card' });

/** Every rate card with its prices (oldest first), the price in effect on `today` (ISO) and how many contract versions use it. */
export function rateCardViews(db: DbOrTx, today: string): RateCard[] {
  const versions = listRateCardVersions(db);
  const use = rateCardUse(db);
  const used = usedRateCardPrices(db);
  return listRateCards(db).map((card) => viewOf(card, versions.filter((v) => v.rateCardId === card.id), use.get(card.id) ?? 0, used, today));
}

function viewOf(card: NonNullable<ReturnType<typeof getRateCard>>, versions: RateCardVersionRow[], usedBy: number, used: Set<string>, today: string): RateCard {
  const list = versions.map(({ id, effectiveFrom, amountMinor, hoursPerDay }) => ({ id, effectiveFrom, amountMinor, hoursPerDay, used: used.has(`${card.id}:${effectiveFrom}`) }));
  const current = rateVersionOn(list, today);
  return { id: card.id, name: card.name, unit: card.unit, currency: card.currency, isDefault: card.isDefault, archived: card.archivedAt !== null, versions: list, current: current ? list.find((v) => v.effectiveFrom === current.effectiveFrom)! : null, usedBy };
}

function rateCardView(db: DbOrTx, id: number, today: string): RateCard {
  const card = found(getRateCard(db, id), 'This rate card');
  return viewOf(card, listRateCardVersions(db, id), rateCardUse(db).get(id) ?? 0, usedRateCardPrices(db), today);
}

/** Creates a card with its first price. Throws VALIDATION on `name` when another card has it (case-insensitive). */
export function createRateCard(db: Db, input: z.output<typeof rateCardInput>, now: string, today: string): RateCard {
  return db.transaction((tx) => {
    if (rateCardNameTaken(tx, input.name, null)) throw nameTaken();
    const id = insertRateCard(tx, { name: input.name, unit: input.unit, currency: input.currency, isDefault: input.isDefault }, now);
    insertRateCardVersion(tx, { rateCardId: id, effectiveFrom: input.effectiveFrom, amountMinor: input.amountMinor, hoursPerDay: input.hoursPerDay }, now);
    return rateCardView(tx, id, today);
  });
}

/** Renames a card, makes it the default (the old default stops being one) or archives it. Throws NOT_FOUND, VALIDATION on `name` or `isDefault`. */
export function changeRateCard(db: Db, input: z.output<typeof rateCardUpdateInput>, now: string, today: string): RateCard {
  return db.transaction((tx) => {
    const card = found(getRateCard(tx, input.id), 'This rate card');
    if (rateCardNameTaken(tx, input.name, card.id)) throw nameTaken();
    if (input.archived && input.isDefault) throw new AppError('VALIDATION', 'An archived rate card can’t be the default.', { isDefault: 'Choose another default first' });
    updateRateCard(tx, card.id, { name: input.name, isDefault: input.isDefault, archivedAt: input.archived ? (card.archivedAt ?? now) : null }, now);
    return rateCardView(tx, card.id, today);
  });
}

/**
 * Adds a price from a date. The amount is read in the card's currency; a day rate needs its day
 * length. Work already priced keeps its price (engagement model: rate card versions). Throws
 * NOT_FOUND, CONFLICT for an archived card, VALIDATION on `amount`, `hoursPerDay` or `effectiveFrom` (a price on that date exists).
 */
export function addRateCardPrice(db: Db, input: z.output<typeof rateCardPriceInput>, now: string, today: string): RateCard {
  return db.transaction((tx) => {
    const card = found(getRateCard(tx, input.rateCardId), 'This rate card');
    if (card.archivedAt) throw new AppError('CONFLICT', `${card.name} is archived. Restore it before adding a price.`);
    const parsed = input.amount.trim() === '' ? null : parseMoney(input.amount, card.currency, { allowNegative: false });
    if (!parsed || !parsed.ok || parsed.value.amount <= 0) {
      const message = !parsed ? 'Rate is required' : !parsed.ok ? (input.amount.trim().startsWith('-') ? "Rate can't be negative" : parsed.message) : 'Rate must be more than 0';
      throw new AppError('VALIDATION', message, { amount: message });
    }
    if (card.unit === 'day' && input.hoursPerDay === null) throw new AppError('VALIDATION', 'A day rate needs its day length.', { hoursPerDay: 'Enter how many hours make a day, like 8 or 7.5' });
    if (card.unit !== 'day' && input.hoursPerDay !== null) throw new AppError('VALIDATION', 'Only a day rate has a day length.', { hoursPerDay: 'Only a day rate has a day length' });
    if (listRateCardVersions(tx, card.id).some((v) => v.effectiveFrom === input.effectiveFrom)) {
      throw new AppError('VALIDATION', `This card already has a price from ${input.effectiveFrom}.`, { effectiveFrom: 'A price from this date already exists' });
    }
    insertRateCardVersion(tx, { rateCardId: card.id, effectiveFrom: input.effectiveFrom, amountMinor: parsed.value.amount, hoursPerDay: input.hoursPerDay }, now);
    return rateCardView(tx, card.id, today);
  });
}

/**
 * Removes a price that no contract was priced from, and not the card's only one. Throws
 * NOT_FOUND, CONFLICT when a contract uses it or it is the last price.
 */
export function removeRateCardPrice(db: Db, versionId: number, today: string): RateCard {
  return db.transaction((tx) => {
    const version = found(getRateCardVersion(tx, versionId), 'This price');
    if (rateCardVersionUsed(tx, version.rateCardId, version.effectiveFrom)) throw new AppError('CONFLICT', 'A contract was priced from this price, so it stays. Add a new price from a later date instead.');
    if (listRateCardVersions(tx, version.rateCardId).length === 1) throw new AppError('CONFLICT', 'A rate card needs at least one price. Archive the card instead.');
    deleteRateCardVersion(tx, versionId);
    return rateCardView(tx, version.rateCardId, today);
  });
}
