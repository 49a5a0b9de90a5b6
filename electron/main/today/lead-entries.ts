import type { DbOrTx } from '../../../db/client';
import { bookedCallsWithLead } from '../../../db/intro-calls';
import { getLeadSettings } from '../../../db/settings';
import { leadListQuery } from '../../../shared/api/leads';
import { addDays, calendarDateIn } from '../../../shared/dates/calendar';
import { bothZones, startFromLocal } from '../../../shared/intro-calls/slots';
import type { AgendaEntry } from '../../../shared/today/agenda';
import { leadBoard, userZone } from '../leads/leads';

/**
 * The Today list's entries from the pipeline (issue 15 §5), as of `now` (UTC instant) and `today`
 * (ISO, the business's day): booked calls starting on the user's own today (in their zone, with the
 * lead's zone beside it), open leads whose next action is due or overdue, and open leads gone
 * stale, recruiters left out while the user hides them (Settings → Leads, "Hide recruiters").
 */
export function leadEntries(db: DbOrTx, today: string, now: string): AgendaEntry[] {
  const settings = getLeadSettings(db);
  const zone = userZone(db, settings);
  const userToday = calendarDateIn(zone, new Date(now));
  const leads = leadBoard(db, leadListQuery.parse({ showRecruiters: true }), today).leads;
  const zoneOf = new Map(leads.map((l) => [l.id, l.timezone]));
  const from = startFromLocal(userToday, '00:00', zone);
  const to = startFromLocal(addDays(userToday, 1), '00:00', zone);
  const entries: AgendaEntry[] = bookedCallsWithLead(db, from, to).map((c) => ({
    kind: 'call',
    date: userToday,
    callId: c.id,
    leadId: c.leadId,
    leadTitle: c.leadTitle,
    startsAt: c.startsAt,
    bothZones: bothZones(c.startsAt, zone, zoneOf.get(c.leadId) ?? null),
  }));
  for (const lead of leads) {
    if (lead.nextAction && lead.nextActionDue && lead.nextActionDue <= today) entries.push({ kind: 'follow-up', date: lead.nextActionDue, leadId: lead.id, leadTitle: lead.title, nextAction: lead.nextAction });
    if (lead.stale && !(lead.recruiter && settings.hideRecruiters)) entries.push({ kind: 'stale-lead', date: today, leadId: lead.id, leadTitle: lead.title, lastActivityAt: lead.lastActivityAt });
  }
  return entries;
}
