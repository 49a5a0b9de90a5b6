import { asc, countDistinct, eq, isNotNull, sql } from 'drizzle-orm';
import type { DiscountTier } from '../shared/contracts/types';
import type { DbOrTx } from './client';
import { contractVersions, discountRules, discountTiers } from './schema';

export interface DiscountRuleRow {
  id: number;
  name: string;
  archivedAt: string | null;
  tiers: DiscountTier[];
}

/** Every discount rule by name (case-insensitive), each with its tiers from the fewest months. */
export function listDiscountRules(db: DbOrTx): DiscountRuleRow[] {
  const tiers = db.select().from(discountTiers).orderBy(asc(discountTiers.ruleId), asc(discountTiers.fromMonths)).all();
  return db
    .select({ id: discountRules.id, name: discountRules.name, archivedAt: discountRules.archivedAt })
    .from(discountRules)
    .orderBy(sql`${discountRules.name} collate nocase`)
    .all()
    .map((rule) => ({ ...rule, tiers: tiers.filter((t) => t.ruleId === rule.id).map(({ fromMonths, percent }) => ({ fromMonths, percent })) }));
}

export function getDiscountRule(db: DbOrTx, id: number): DiscountRuleRow | undefined {
  const rule = db.select({ id: discountRules.id, name: discountRules.name, archivedAt: discountRules.archivedAt }).from(discountRules).where(eq(discountRules.id, id)).get();
  if (!rule) return undefined;
  const tiers = db.select({ fromMonths: discountTiers.fromMonths, percent: discountTiers.percent }).from(discountTiers).where(eq(discountTiers.ruleId, id)).orderBy(asc(discountTiers.fromMonths)).all();
  return { ...rule, tiers };
}

/** True when another rule (not `exceptId`) already has this name, compared case-insensitively. */
export function discountRuleNameTaken(db: DbOrTx, name: string, exceptId: number | null): boolean {
  const row = db.select({ id: discountRules.id }).from(discountRules).where(sql`${discountRules.name} = ${name} collate nocase`).get();
  return row !== undefined && row.id !== exceptId;
}

/** Inserts a rule (id null) or renames one and replaces its tiers; returns the id. Signed contracts keep the percent they resolved. */
export function saveDiscountRule(db: DbOrTx, rule: { id: number | null; name: string; tiers: DiscountTier[] }, now: string): number {
  const id =
    rule.id === null
      ? db.insert(discountRules).values({ name: rule.name, createdAt: now, updatedAt: now }).returning({ id: discountRules.id }).get().id
      : (db.update(discountRules).set({ name: rule.name, updatedAt: now }).where(eq(discountRules.id, rule.id)).run(), rule.id);
  db.delete(discountTiers).where(eq(discountTiers.ruleId, id)).run();
  db.insert(discountTiers).values(rule.tiers.map((t) => ({ ruleId: id, ...t }))).run();
  return id;
}

export function setDiscountRuleArchived(db: DbOrTx, id: number, archivedAt: string | null, now: string): void {
  db.update(discountRules).set({ archivedAt, updatedAt: now }).where(eq(discountRules.id, id)).run();
}

/** Contracts per discount rule id (an amended contract counts once). */
export function discountRuleUse(db: DbOrTx): Map<number, number> {
  const rows = db.select({ id: contractVersions.discountRuleId, n: countDistinct(contractVersions.contractId) }).from(contractVersions).where(isNotNull(contractVersions.discountRuleId)).groupBy(contractVersions.discountRuleId).all();
  return new Map(rows.map((r) => [r.id!, r.n]));
}
