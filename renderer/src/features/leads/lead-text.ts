import type { Lead } from '../../../../shared/api/leads';

/** "3.5 h overlap with America/New_York", or null when the lead has no zone. */
export function overlapText(lead: Pick<Lead, 'overlapMinutes' | 'timezone'>, hoursText: (hours: number) => string): string | null {
  if (lead.overlapMinutes === null || lead.timezone === null) return null;
  if (lead.overlapMinutes === 0) return `No overlap with ${lead.timezone}`;
  return `${hoursText(lead.overlapMinutes / 60)} h overlap with ${lead.timezone}`;
}

/** Whether a next action is due on or before `today` (ISO dates). */
export function isDue(lead: Pick<Lead, 'nextActionDue'>, today: string): boolean {
  return lead.nextActionDue !== null && lead.nextActionDue <= today;
}
