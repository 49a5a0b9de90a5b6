import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DbOrTx } from '../../../db/client';
import { bookedCallsBetween, cancelIntroCall, getIntroCall, holdIntroCall, insertIntroCall, leadIntroCalls, rescheduleIntroCall, setLeadNextAction, type IntroCallRow } from '../../../db/intro-calls';
import { getLeadRow, insertActivity, touchLead, type LeadRow } from '../../../db/leads';
import { getLeadSettings } from '../../../db/settings';
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, type bookCallInput, type holdCallInput, type IntroCall, type LeadCalls, type ProposedSlots, type rescheduleCallInput, type SlotPreview } from '../../../shared/api/intro-calls';
import type { LeadSettings } from '../../../shared/api/leads';
import { bothZones, clashingCall, hoursWarnings, proposeSlots, skippedTimeProblem, slotsText, startFromLocal, type CallSpan } from '../../../shared/intro-calls/slots';
import { LEAD_WORKING_HOURS, type WorkingDay } from '../../../shared/leads/overlap';
import { advancesToCallBooked } from '../../../shared/leads/transitions';
import { AppError, found } from '../errors';
import { moveStage, userZone } from '../leads/leads';
import { callIcs } from './ics';
import { getProfile } from '../../../db/profile';

type Slot = Pick<z.output<typeof bookCallInput>, 'date' | 'time' | 'zone' | 'durationMinutes'>;

/** The zones and working days a lead's calls are measured in. */
interface CallParties {
  settings: LeadSettings;
  user: WorkingDay;
  lead: WorkingDay | null;
}

function parties(db: DbOrTx, lead: LeadRow): CallParties {
  const settings = getLeadSettings(db);
  const user = { zone: userZone(db, settings), hours: settings.workingHours };
  return { settings, user, lead: lead.timezone ? { zone: lead.timezone, hours: LEAD_WORKING_HOURS } : null };
}

const leadMissing = () => new AppError('NOT_FOUND', 'This lead was not found. It may have been deleted.', { leadId: 'Choose a lead' });
const callMissing = () => new AppError('NOT_FOUND', 'This call was not found. It may have been deleted.', { id: 'Choose a call' });

/** How far either side of a slot a clash is looked for: longer than any call with its buffers. */
const CLASH_WINDOW_MS = 12 * 3_600_000;

/** A slot's start, span, warnings and what stops it being booked (past, clashing), without writing. */
function checkSlot(db: DbOrTx, p: CallParties, slot: Slot, now: string, exceptId: number | null): { span: CallSpan; preview: SlotPreview } {
  const zone = slot.zone === 'lead' ? p.lead?.zone : p.user.zone;
  if (!zone) throw new AppError('VALIDATION', 'This lead has no time zone: give the time in yours.', { zone: 'The lead has no time zone' });
  const startsAt = startFromLocal(slot.date, slot.time, zone);
  const durationMinutes = slot.durationMinutes ?? p.settings.callMinutes;
  const span = { startsAt, durationMinutes, bufferBeforeMinutes: p.settings.bufferMinutes, bufferAfterMinutes: p.settings.bufferMinutes };
  const at = Date.parse(startsAt);
  const booked = bookedCallsBetween(db, new Date(at - CLASH_WINDOW_MS).toISOString(), new Date(at + CLASH_WINDOW_MS).toISOString(), exceptId);
  const clash = clashingCall(span, booked);
  const problem =
    skippedTimeProblem(slot.date, slot.time, zone) ??
    (startsAt <= now ? 'This time has passed: choose a later one.' : clash ? `This overlaps the call booked for ${bothZones(clash.startsAt, p.user.zone, null)} (with ${p.settings.bufferMinutes} minutes’ buffer each side).` : null);
  return { span, preview: { startsAt, bothZones: bothZones(startsAt, p.user.zone, p.lead?.zone ?? null), warnings: hoursWarnings(startsAt, durationMinutes, p.user, p.lead), problem } };
}

/** The slot, or VALIDATION on the time field when it has passed or clashes. */
function bookableSlot(db: DbOrTx, p: CallParties, slot: Slot, now: string, exceptId: number | null) {
  const checked = checkSlot(db, p, slot, now, exceptId);
  if (checked.preview.problem) throw new AppError('VALIDATION', checked.preview.problem, { time: checked.preview.problem });
  return checked;
}

function callView(row: IntroCallRow, p: CallParties): IntroCall {
  const outcome = CALL_OUTCOMES.find((o) => o === row.outcome) ?? null;
  return { ...row, outcome, bothZones: bothZones(row.startsAt, p.user.zone, p.lead?.zone ?? null), warnings: hoursWarnings(row.startsAt, row.durationMinutes, p.user, p.lead) };
}

/** A booked call, or VALIDATION naming its status when it was held or cancelled. */
function bookedCall(db: DbOrTx, id: number): IntroCallRow {
  const row = found(getIntroCall(db, id), callMissing());
  if (row.status !== 'booked') throw new AppError('VALIDATION', `This call was ${row.status}: book a new one instead.`, { id: `The call was ${row.status}` });
  return row;
}

/** A lead's calls with the zones they show in. Raises NOT_FOUND. */
export function leadCalls(db: DbOrTx, leadId: number): LeadCalls {
  const lead = found(getLeadRow(db, leadId), leadMissing());
  const p = parties(db, lead);
  return { userZone: p.user.zone, leadZone: p.lead?.zone ?? null, durationMinutes: p.settings.callMinutes, calls: leadIntroCalls(db, leadId).map((row) => callView(row, p)) };
}

/** What booking this slot would give: both zones, warnings, and any reason it can't be booked. */
export function previewCall(db: DbOrTx, input: z.output<typeof bookCallInput>, now: string): SlotPreview {
  const lead = found(getLeadRow(db, input.leadId), leadMissing());
  return checkSlot(db, parties(db, lead), input, now, null).preview;
}

/**
 * Books an intro call (issue 15 §3): the setting's length unless given, the setting's buffers each
 * side, refused when past or when its buffered span overlaps another booked call. Moves a new or
 * qualified lead to "intro call booked" and logs the booking as a meeting. Outside working hours is
 * allowed and flagged in `warnings`.
 */
export function bookCall(db: DbOrTx, input: z.output<typeof bookCallInput>, now: string): IntroCall {
  return db.transaction((tx) => {
    const lead = found(getLeadRow(tx, input.leadId), leadMissing());
    const p = parties(tx, lead);
    const { span, preview } = bookableSlot(tx, p, input, now, null);
    const id = insertIntroCall(tx, { leadId: lead.id, ...span, uid: `${randomUUID()}@billable.local` }, now);
    if (advancesToCallBooked(lead.stage)) moveStage(tx, lead, 'call-booked', now);
    logCall(tx, lead.id, 'meeting', `Intro call booked: ${preview.bothZones}`, now);
    return callView(found(getIntroCall(tx, id), callMissing()), p);
  });
}

/** Moves a booked call to another slot: same UID, sequence + 1, logged. A held or cancelled call is refused. */
export function rescheduleCall(db: DbOrTx, input: z.output<typeof rescheduleCallInput>, now: string): IntroCall {
  return db.transaction((tx) => {
    const row = bookedCall(tx, input.id);
    const p = parties(tx, found(getLeadRow(tx, row.leadId), leadMissing()));
    const { span, preview } = bookableSlot(tx, p, input, now, row.id);
    rescheduleIntroCall(tx, row.id, span.startsAt, span.durationMinutes, row.sequence + 1, now);
    logCall(tx, row.leadId, 'meeting', `Intro call moved to ${preview.bothZones}`, now);
    return callView(found(getIntroCall(tx, row.id), callMissing()), p);
  });
}

/** Cancels a booked call (sequence + 1, so calendars drop it), logged as a note; a lead left with no booked call goes back from "intro call booked" to qualified. */
export function cancelCall(db: DbOrTx, id: number, now: string): IntroCall {
  return db.transaction((tx) => {
    const row = bookedCall(tx, id);
    const p = parties(tx, found(getLeadRow(tx, row.leadId), leadMissing()));
    cancelIntroCall(tx, row.id, row.sequence + 1, now);
    logCall(tx, row.leadId, 'note', `Intro call cancelled (was ${bothZones(row.startsAt, p.user.zone, p.lead?.zone ?? null)})`, now);
    // With no call left booked, the lead is no longer at "intro call booked": back to qualified.
    const lead = found(getLeadRow(tx, row.leadId), leadMissing());
    if (lead.stage === 'call-booked' && !leadIntroCalls(tx, lead.id).some((c) => c.status === 'booked')) moveStage(tx, lead, 'qualified', now);
    return callView(found(getIntroCall(tx, row.id), callMissing()), p);
  });
}

/**
 * Records a held call's notes and outcome, which moves the lead: "Send a proposal" and "Follow up
 * later" to call held (from an earlier stage; the latter also sets the next action), "Not a fit"
 * to lost with that reason. Only a booked call can be held.
 */
export function markCallHeld(db: DbOrTx, input: z.output<typeof holdCallInput>, now: string): IntroCall {
  return db.transaction((tx) => {
    const row = bookedCall(tx, input.id);
    const lead = found(getLeadRow(tx, row.leadId), leadMissing());
    const p = parties(tx, lead);
    holdIntroCall(tx, row.id, input.outcome, input.notes ?? '', now);
    logCall(tx, lead.id, 'meeting', `Intro call held: ${CALL_OUTCOME_LABELS[input.outcome]}${input.notes ? `. ${input.notes}` : ''}`, now);
    if (input.outcome === 'not-a-fit') {
      if (lead.stage !== 'lost' && lead.stage !== 'won') moveStage(tx, lead, 'lost', now, { reason: 'not-a-fit', note: input.notes });
    } else if (lead.stage === 'new' || lead.stage === 'qualified' || lead.stage === 'call-booked') moveStage(tx, lead, 'call-held', now);
    if (input.outcome === 'follow-up') setLeadNextAction(tx, lead.id, input.nextAction!, input.nextActionDue!, now);
    return callView(found(getIntroCall(tx, row.id), callMissing()), p);
  });
}

/** The call's .ics: UTC times, its stored UID and SEQUENCE, CANCEL when cancelled. Raises NOT_FOUND. */
export function callCalendarFile(db: DbOrTx, id: number, now: string): { fileName: string; mimeType: string; text: string } {
  const row = found(getIntroCall(db, id), callMissing());
  const lead = found(getLeadRow(db, row.leadId), leadMissing());
  const p = parties(db, lead);
  const who = lead.organisation ?? lead.contactName ?? lead.title;
  const profile = getProfile(db, { withLogo: false });
  const text = callIcs({
    uid: row.uid,
    sequence: row.sequence,
    status: row.status,
    startsAt: row.startsAt,
    durationMinutes: row.durationMinutes,
    summary: `Intro call: ${who}`,
    description: `${lead.title}\n${bothZones(row.startsAt, p.user.zone, p.lead?.zone ?? null)}`,
    stamp: now,
    organizer: { name: profile?.businessName ?? 'Billable', email: profile?.email ?? null },
    attendee: { name: lead.contactName, email: lead.contactEmail },
  });
  const name = who.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'lead';
  return { fileName: `intro-call-${name}-${row.startsAt.slice(0, 10)}.ics`, mimeType: 'text/calendar', text };
}

/** "Propose three slots": the next three free slots inside both working days, and the text to paste. */
export function proposeCallSlots(db: DbOrTx, leadId: number, now: string): ProposedSlots {
  const lead = found(getLeadRow(db, leadId), leadMissing());
  const p = parties(db, lead);
  const until = new Date(Date.parse(now) + 32 * 86_400_000).toISOString();
  const slots = proposeSlots({ now, user: p.user, lead: p.lead, durationMinutes: p.settings.callMinutes, bufferMinutes: p.settings.bufferMinutes, booked: bookedCallsBetween(db, now, until) });
  const leadZone = p.lead?.zone ?? null;
  return { slots: slots.map((startsAt) => ({ startsAt, bothZones: bothZones(startsAt, p.user.zone, leadZone) })), text: slotsText(slots, p.settings.callMinutes, p.user.zone, leadZone) };
}

/** A call on the lead's timeline; a meeting is contact, so it clears staleness. */
function logCall(db: DbOrTx, leadId: number, kind: 'meeting' | 'note', body: string, now: string): void {
  insertActivity(db, { leadId, kind, occurredAt: now, body, fromStage: null, toStage: null, createdAt: now });
  if (kind === 'meeting') touchLead(db, leadId, now);
}
