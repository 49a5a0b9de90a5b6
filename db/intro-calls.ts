import { and, asc, desc, eq, gte, lt, ne } from 'drizzle-orm';
import type { CallOutcome } from '../shared/api/intro-calls';
import type { DbOrTx } from './client';
import { introCalls, leads } from './schema';

export type IntroCallRow = typeof introCalls.$inferSelect;

/** Inserts a booked call at sequence 0. Returns its id. */
export function insertIntroCall(db: DbOrTx, values: Pick<IntroCallRow, 'leadId' | 'startsAt' | 'durationMinutes' | 'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'uid'>, now: string): number {
  return db
    .insert(introCalls)
    .values({ ...values, sequence: 0, status: 'booked', createdAt: now, updatedAt: now })
    .returning({ id: introCalls.id })
    .get().id;
}

export function getIntroCall(db: DbOrTx, id: number): IntroCallRow | undefined {
  return db.select().from(introCalls).where(eq(introCalls.id, id)).get();
}

/** A lead's calls, newest start first. */
export function leadIntroCalls(db: DbOrTx, leadId: number): IntroCallRow[] {
  return db.select().from(introCalls).where(eq(introCalls.leadId, leadId)).orderBy(desc(introCalls.startsAt), desc(introCalls.id)).all();
}

/**
 * Booked calls (any lead) starting in [from, to) (UTC instants), earliest first, except `exceptId`:
 * the calls a new slot must not clash with.
 */
export function bookedCallsBetween(db: DbOrTx, from: string, to: string, exceptId: number | null = null): IntroCallRow[] {
  return db
    .select()
    .from(introCalls)
    .where(and(eq(introCalls.status, 'booked'), gte(introCalls.startsAt, from), lt(introCalls.startsAt, to), exceptId === null ? undefined : ne(introCalls.id, exceptId)))
    .orderBy(asc(introCalls.startsAt))
    .all();
}

/** Booked calls starting in [from, to) with their lead's title: Today's calls. */
export function bookedCallsWithLead(db: DbOrTx, from: string, to: string): { id: number; leadId: number; leadTitle: string; startsAt: string }[] {
  return db
    .select({ id: introCalls.id, leadId: introCalls.leadId, leadTitle: leads.title, startsAt: introCalls.startsAt })
    .from(introCalls)
    .innerJoin(leads, eq(leads.id, introCalls.leadId))
    .where(and(eq(introCalls.status, 'booked'), gte(introCalls.startsAt, from), lt(introCalls.startsAt, to)))
    .orderBy(asc(introCalls.startsAt))
    .all();
}

/** Moves a booked call: a new start and length, and the next sequence for calendars. */
export function rescheduleIntroCall(db: DbOrTx, id: number, startsAt: string, durationMinutes: number, sequence: number, now: string): void {
  db.update(introCalls).set({ startsAt, durationMinutes, sequence, updatedAt: now }).where(eq(introCalls.id, id)).run();
}

/** Cancels a call; the sequence moves on so calendars take the cancellation. */
export function cancelIntroCall(db: DbOrTx, id: number, sequence: number, now: string): void {
  db.update(introCalls).set({ status: 'cancelled', sequence, updatedAt: now }).where(eq(introCalls.id, id)).run();
}

/** Records a held call's outcome and notes. */
export function holdIntroCall(db: DbOrTx, id: number, outcome: CallOutcome, notes: string, now: string): void {
  db.update(introCalls).set({ status: 'held', outcome, notes, updatedAt: now }).where(eq(introCalls.id, id)).run();
}

/** Sets a lead's next action and its due date (a held call's "Follow up later"). */
export function setLeadNextAction(db: DbOrTx, leadId: number, nextAction: string, nextActionDue: string, now: string): void {
  db.update(leads).set({ nextAction, nextActionDue, updatedAt: now }).where(eq(leads.id, leadId)).run();
}
