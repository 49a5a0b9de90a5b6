import { DomainError } from '../errors/domain-error';
import { isClosed, STAGE_LABELS, type LeadStage } from './stages';

/**
 * Checks a stage change the user asked for (issue 15 §1). Open stages move freely, forwards or
 * back, as a board allows; a lost lead can be reopened; a won lead is closed for good (its work
 * goes on as the client and contract it became); won is reached only by accepting a proposal or
 * the win action, which make the client, so a plain move there is refused. Throws DomainError.
 */
export function checkStageChange(from: LeadStage, to: LeadStage): void {
  if (from === to) throw new DomainError(`The lead is already at ${STAGE_LABELS[to]}.`, { stage: `Already ${STAGE_LABELS[to]}` });
  if (from === 'won') throw new DomainError('This lead was won: its work continues on the client and contract it became.', { stage: 'A won lead cannot move' });
  if (to === 'won') throw new DomainError('Win a lead by accepting its proposal, or with “Win” on the lead, so the client is made.', { stage: 'Accept a proposal to win' });
  if (isClosed(from) && isClosed(to)) throw new DomainError('Reopen the lead at an open stage first.', { stage: 'Choose an open stage' });
}

/** Whether booking an intro call should move the lead to "intro call booked": only from an earlier open stage. */
export function advancesToCallBooked(stage: LeadStage): boolean {
  return stage === 'new' || stage === 'qualified';
}
