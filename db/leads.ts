import { and, asc, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { LeadSource } from '../shared/leads/sources';
import { OPEN_STAGES, type LeadStage, type LostReason } from '../shared/leads/stages';
import type { DbOrTx } from './client';
import { activities, leads } from './schema';

export type LeadRow = typeof leads.$inferSelect;
export type LeadValues = Omit<typeof leads.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'stage' | 'stageChangedAt' | 'lastActivityAt' | 'lostReason' | 'lostNote' | 'clientId' | 'contractId'>;
export type ActivityRow = typeof activities.$inferSelect;

/** Inserts a new lead at stage "new", its last activity `now` (UTC instant). Returns its id. */
export function insertLead(db: DbOrTx, values: LeadValues, now: string): number {
  return db
    .insert(leads)
    .values({ ...values, stage: 'new', stageChangedAt: now, lastActivityAt: now, createdAt: now, updatedAt: now })
    .returning({ id: leads.id })
    .get().id;
}

/** Replaces a lead's own fields (not its stage, activity or links to a client). */
export function updateLeadRow(db: DbOrTx, id: number, values: LeadValues, now: string): void {
  db.update(leads).set({ ...values, updatedAt: now }).where(eq(leads.id, id)).run();
}

export function getLeadRow(db: DbOrTx, id: number): LeadRow | undefined {
  return db.select().from(leads).where(eq(leads.id, id)).get();
}

/** Sets the stage (with the lost reason and note only for lost) and when it changed. */
export function setLeadStage(db: DbOrTx, id: number, stage: LeadStage, lost: { reason: LostReason | null; note: string | null }, now: string): void {
  db.update(leads)
    .set({ stage, stageChangedAt: now, lostReason: stage === 'lost' ? lost.reason : null, lostNote: stage === 'lost' ? lost.note : null, updatedAt: now })
    .where(eq(leads.id, id))
    .run();
}

/** Records the client (and draft contract) a won lead became. */
export function linkLeadToClient(db: DbOrTx, id: number, clientId: number, contractId: number | null, now: string): void {
  db.update(leads).set({ clientId, contractId, updatedAt: now }).where(eq(leads.id, id)).run();
}

/** Moves the lead's last activity to `at` (UTC instant) if that is later: a logged contact clears staleness. */
export function touchLead(db: DbOrTx, id: number, at: string): void {
  db.update(leads)
    .set({ lastActivityAt: sql`max(${leads.lastActivityAt}, ${at})` })
    .where(eq(leads.id, id))
    .run();
}

/** Deletes a lead with its activities and calls (foreign keys cascade). */
export function deleteLeadRow(db: DbOrTx, id: number): void {
  db.delete(leads).where(eq(leads.id, id)).run();
}

/**
 * Leads for the list and board: the given stages (all when empty; closed ones only when
 * `includeClosed`), sources, one tag, recruiters or not. Newest change first; the service sorts.
 */
export function listLeadRows(db: DbOrTx, filter: { stages: readonly LeadStage[]; sources: readonly LeadSource[]; tag: string | null; showRecruiters: boolean; includeClosed: boolean }): LeadRow[] {
  const where: SQL[] = [];
  if (filter.stages.length > 0) where.push(inArray(leads.stage, [...filter.stages]));
  else if (!filter.includeClosed) where.push(notInArray(leads.stage, ['won', 'lost']));
  if (filter.sources.length > 0) where.push(inArray(leads.source, [...filter.sources]));
  if (!filter.showRecruiters) where.push(eq(leads.recruiter, false));
  if (filter.tag) where.push(sql`exists (select 1 from json_each(${leads.tags}) where lower(value) = lower(${filter.tag}))`);
  return db
    .select()
    .from(leads)
    .where(and(...where))
    .orderBy(desc(leads.updatedAt), desc(leads.id))
    .all();
}

/** How many recruiter leads the same filter would show with recruiters shown. */
export function countRecruiterLeads(db: DbOrTx, includeClosed: boolean): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(leads)
      .where(and(eq(leads.recruiter, true), includeClosed ? undefined : notInArray(leads.stage, ['won', 'lost'])))
      .get()?.n ?? 0
  );
}

/** Inserts a timeline entry for a lead or a client. Returns its id. */
export function insertActivity(db: DbOrTx, values: Omit<typeof activities.$inferInsert, 'id'>): number {
  return db.insert(activities).values(values).returning({ id: activities.id }).get().id;
}

/** A lead's timeline entries, oldest first. */
export function leadActivities(db: DbOrTx, leadId: number): ActivityRow[] {
  return db.select().from(activities).where(eq(activities.leadId, leadId)).orderBy(asc(activities.occurredAt), asc(activities.id)).all();
}

/** A client's own logged entries (notes, calls, emails), oldest first. */
export function clientActivities(db: DbOrTx, clientId: number): ActivityRow[] {
  return db.select().from(activities).where(eq(activities.clientId, clientId)).orderBy(asc(activities.occurredAt), asc(activities.id)).all();
}

/** Open leads' estimates summed per stage and currency (leads without an estimate counted with a null currency). */
export function openPipelineTotals(db: DbOrTx): { stage: LeadStage; currency: string | null; estimateMinor: number; count: number }[] {
  return db
    .select({ stage: leads.stage, currency: leads.currency, estimateMinor: sql<number>`coalesce(sum(${leads.estimateMinor}), 0)`, count: sql<number>`count(*)` })
    .from(leads)
    // The open stages by name, so the index is searched for them rather than walked past the closed ones.
    .where(inArray(leads.stage, OPEN_STAGES))
    .groupBy(leads.stage, leads.currency)
    .all();
}
