import type { z } from 'zod';
import type { DbOrTx } from '../../../db/client';
import {
  countRecruiterLeads,
  deleteLeadRow,
  getLeadRow,
  insertActivity,
  insertLead,
  leadActivities,
  listLeadRows,
  setLeadStage,
  touchLead,
  updateLeadRow,
  type LeadRow,
  type LeadValues,
} from '../../../db/leads';
import { getBusinessTimeZone } from '../../../db/profile';
import { getLeadSettings } from '../../../db/settings';
import type { activityInput, Lead, LeadBoard, LeadDetail, LeadListQuery, leadInput, LeadSettings, leadStageInput, leadUpdateInput } from '../../../shared/api/leads';
import { overlapMinutes, LEAD_WORKING_HOURS } from '../../../shared/leads/overlap';
import { isAgencyEmail } from '../../../shared/leads/sources';
import { staleBefore } from '../../../shared/leads/staleness';
import { isClosed, LEAD_STAGES, STAGE_LABELS, type LeadStage } from '../../../shared/leads/stages';
import { checkStageChange } from '../../../shared/leads/transitions';
import { AppError, found } from '../errors';
import { emptyStages, homeConverter, weighStages } from './pipeline';
import { activityFromRow } from './timeline';
import { compareText } from '../../../shared/text/order';

/** The user's own zone for time-zone fit: the lead settings', else the business's, else the computer's. */
export function userZone(db: DbOrTx, settings: LeadSettings): string {
  return settings.workZone ?? getBusinessTimeZone(db) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Turns lead rows into what the screens show, as of `today` (ISO): staleness (settings'
 * `staleAfterDays` since the last logged contact, in the user's zone) and the minutes the lead's
 * working day overlaps the user's today (computed once per zone).
 */
function leadViews(db: DbOrTx, rows: readonly LeadRow[], today: string, settings: LeadSettings): Lead[] {
  const zone = userZone(db, settings);
  const user = { zone, hours: settings.workingHours };
  const staleFrom = staleBefore(today, settings.staleAfterDays, zone);
  const overlapByZone = new Map<string, number | null>();
  const overlapFor = (leadZone: string | null): number | null => {
    if (!leadZone) return null;
    if (!overlapByZone.has(leadZone)) {
      let minutes: number | null;
      try {
        minutes = overlapMinutes(today, user, { zone: leadZone, hours: LEAD_WORKING_HOURS });
      } catch {
        minutes = null;
      }
      overlapByZone.set(leadZone, minutes);
    }
    return overlapByZone.get(leadZone)!;
  };
  return rows.map((row) => ({
    ...row,
    stale: !isClosed(row.stage) && Date.parse(row.lastActivityAt) < staleFrom,
    overlapMinutes: overlapFor(row.timezone),
  }));
}

/** The stored values of a checked lead input; the recruiter flag from the source or an agency email domain. */
function leadValues(input: z.output<typeof leadInput>, settings: LeadSettings): LeadValues {
  return { ...input, notes: input.notes ?? '', recruiter: input.source === 'recruiter' || isAgencyEmail(input.contactEmail, settings.agencyDomains) };
}

/** One lead with its timeline, as of `today`. Raises NOT_FOUND. */
export function leadDetail(db: DbOrTx, id: number, today: string): LeadDetail {
  const row = found(getLeadRow(db, id), 'This lead');
  const [lead] = leadViews(db, [row], today, getLeadSettings(db));
  return { ...lead!, timeline: leadActivities(db, id).map(activityFromRow) };
}

/**
 * Creates a lead at stage "new" (issue 15 §1). Flagged as a recruiter when its source says so or
 * its contact's email is at one of the user's agency domains. Logs the creation on its timeline.
 */
export function createLead(db: DbOrTx, input: z.output<typeof leadInput>, now: string, today: string): LeadDetail {
  return db.transaction((tx) => leadDetail(tx, addLead(tx, input, getLeadSettings(tx), now), today));
}

/** createLead's writes without reading the lead back, for a caller adding many in its own transaction (a CSV import). Returns the id. */
export function addLead(db: DbOrTx, input: z.output<typeof leadInput>, settings: LeadSettings, now: string): number {
  const id = insertLead(db, leadValues(input, settings), now);
  insertActivity(db, { leadId: id, kind: 'stage', occurredAt: now, body: 'Lead created', fromStage: null, toStage: 'new', createdAt: now });
  return id;
}

/** Replaces a lead's fields; the recruiter flag follows the new source and email. Raises NOT_FOUND. */
export function updateLead(db: DbOrTx, input: z.output<typeof leadUpdateInput>, now: string, today: string): LeadDetail {
  const { id, ...values } = input;
  return db.transaction((tx) => {
    found(getLeadRow(tx, id), 'This lead');
    updateLeadRow(tx, id, leadValues(values, getLeadSettings(tx)), now);
    return leadDetail(tx, id, today);
  });
}

/**
 * Moves a lead to another stage (shared/leads/transitions.ts decides which moves are allowed) and
 * logs the change with its time. Lost keeps its reason and note. Raises NOT_FOUND or VALIDATION.
 */
export function changeLeadStage(db: DbOrTx, input: z.output<typeof leadStageInput>, now: string, today: string): LeadDetail {
  return db.transaction((tx) => {
    const row = found(getLeadRow(tx, input.id), 'This lead');
    checkStageChange(row.stage, input.stage);
    moveStage(tx, row, input.stage, now, { reason: input.lostReason, note: input.lostNote });
    return leadDetail(tx, input.id, today);
  });
}

/**
 * Sets the stage and writes the stage entry on the timeline, for the services that move a lead as
 * a side effect (a booked call, an accepted proposal). The caller has checked the move.
 */
export function moveStage(db: DbOrTx, row: LeadRow, to: LeadStage, now: string, lost: { reason: LeadRow['lostReason']; note: string | null } = { reason: null, note: null }): void {
  setLeadStage(db, row.id, to, lost, now);
  const body = to === 'lost' && lost.note ? lost.note : `${STAGE_LABELS[row.stage]} → ${STAGE_LABELS[to]}`;
  insertActivity(db, { leadId: row.id, kind: 'stage', occurredAt: now, body, fromStage: row.stage, toStage: to, createdAt: now });
}

/**
 * Logs a note, call, email or meeting on a lead's timeline (a client's is in the client timeline).
 * A call, email or meeting is contact: it moves the lead's last activity and so clears staleness.
 * Raises NOT_FOUND.
 */
export function logLeadActivity(db: DbOrTx, input: z.output<typeof activityInput>, now: string, today: string): LeadDetail {
  const leadId = found(input.leadId, new AppError('VALIDATION', 'Log it on a lead.', { leadId: 'Choose a lead' }));
  return db.transaction((tx) => {
    found(getLeadRow(tx, leadId), 'This lead');
    // One instant format (toISOString), so stored times compare as strings and SQL max() picks the latest.
    const occurredAt = input.occurredAt ? new Date(input.occurredAt).toISOString() : now;
    if (occurredAt > now) throw new AppError('VALIDATION', 'A logged activity cannot be in the future.', { occurredAt: 'Choose a time up to now' });
    insertActivity(tx, { leadId, kind: input.kind, occurredAt, body: input.body, fromStage: null, toStage: null, createdAt: now });
    if (input.kind !== 'note') touchLead(tx, leadId, occurredAt);
    return leadDetail(tx, leadId, today);
  });
}

/** Deletes a lead with its timeline and calls. A won lead, or one with proposals, stays. Raises NOT_FOUND or CONFLICT. */
export function deleteLead(db: DbOrTx, id: number): { id: number } {
  return db.transaction((tx) => {
    const row = found(getLeadRow(tx, id), 'This lead');
    if (row.stage === 'won') throw new AppError('CONFLICT', 'A won lead is part of the client’s history and cannot be deleted.');
    try {
      deleteLeadRow(tx, id);
    } catch (error) {
      if (error instanceof Error && /FOREIGN KEY/.test(error.message)) throw new AppError('CONFLICT', 'This lead has proposals: mark it lost instead of deleting it.');
      throw error;
    }
    return { id };
  });
}

/**
 * The list and the board (issue 15 §2): leads matching the filters, sorted, with each stage's
 * count, value and weighted value in the home currency (electron/main/leads/pipeline.ts: a foreign
 * estimate converts at the latest stored rate on or before `today`; one with no rate is counted, not summed).
 */
export function leadBoard(db: DbOrTx, query: LeadListQuery, today: string): LeadBoard {
  const settings = getLeadSettings(db);
  const rows = listLeadRows(db, query);
  let views = leadViews(db, rows, today, settings);
  if (query.staleOnly) views = views.filter((l) => l.stale);
  if (query.minOverlapHours !== null) views = views.filter((l) => l.overlapMinutes !== null && l.overlapMinutes >= query.minOverlapHours! * 60);
  const { home, toHome } = homeConverter(db, today);
  const stages = emptyStages(settings.stageProbabilities);
  const homeValues = new Map<number, number | null>();
  for (const lead of views) {
    const column = stages[LEAD_STAGES.indexOf(lead.stage)]!;
    column.count += 1;
    if (lead.estimateMinor === null || lead.currency === null) continue;
    const value = toHome(lead.estimateMinor, lead.currency);
    homeValues.set(lead.id, value);
    if (value === null) column.unconvertedCount += 1;
    else column.valueMinor += value;
  }
  return {
    homeCurrency: home,
    stages: weighStages(stages),
    leads: sortLeads(views, query, (lead) => homeValues.get(lead.id) ?? null),
    hiddenRecruiters: query.showRecruiters ? 0 : countRecruiterLeads(db, query.includeClosed),
  };
}

const stageOrder = (stage: LeadStage) => LEAD_STAGES.indexOf(stage);
const titleOrder = new Intl.Collator(undefined, { sensitivity: 'base' });

/**
 * The list's sort: ties fall back to the newest change, so the order is stable. Value compares
 * estimates in the home currency (`homeValue`), so 10,000 USD and 10,000 JPY are not taken as equal;
 * estimates with no home value (no estimate, or no rate) come after every valued one.
 */
function sortLeads(leads: Lead[], query: LeadListQuery, homeValue: (lead: Lead) => number | null): Lead[] {
  const sign = query.direction === 'asc' ? 1 : -1;
  const key: Record<LeadListQuery['sort'], (a: Lead, b: Lead) => number> = {
    updated: (a, b) => compareText(a.updatedAt, b.updatedAt),
    title: (a, b) => titleOrder.compare(a.title, b.title),
    stage: (a, b) => stageOrder(a.stage) - stageOrder(b.stage),
    value: (a, b) => {
      const x = homeValue(a);
      const y = homeValue(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? sign : -sign;
      return x - y;
    },
    nextAction: (a, b) => compareText(a.nextActionDue ?? '9999', b.nextActionDue ?? '9999'),
    lastActivity: (a, b) => compareText(a.lastActivityAt, b.lastActivityAt),
  };
  return [...leads].sort((a, b) => sign * key[query.sort](a, b) || compareText(b.updatedAt, a.updatedAt) || b.id - a.id);
}
