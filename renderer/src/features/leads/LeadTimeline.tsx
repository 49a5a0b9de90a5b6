import { Card, Title } from '@mantine/core';
import type { Activity, LeadDetail } from '../../../../shared/api/leads';
import { useApiMutation } from '../../api/hooks';
import { ActivityTimeline } from './ActivityTimeline';
import { LOGGED_KIND_LABELS, LogActivityForm, type LoggedKind } from './LogActivityForm';

/** The lead's timeline, newest first, with a form to log a note, call, email or meeting. Logged contact clears staleness. */
export function LeadTimeline({ lead }: { lead: LeadDetail }) {
  const log = useApiMutation('leads.logActivity');
  const entries = [...lead.timeline].reverse();
  return (
    <Card component="section" aria-labelledby="lead-timeline">
      <Title order={2} size="h4" id="lead-timeline" mb="sm">
        Timeline
      </Title>
      <LogActivityForm log={log} toInput={(values) => ({ leadId: lead.id, ...values })} notePlaceholder="A note to yourself" />
      <ActivityTimeline entries={entries} title={entryTitle} showBody={(entry) => entry.kind !== 'stage' && Boolean(entry.body)} />
    </Card>
  );
}

function entryTitle(entry: Activity): string {
  if (entry.kind === 'stage') return entry.body;
  if (entry.kind in LOGGED_KIND_LABELS) return LOGGED_KIND_LABELS[entry.kind as LoggedKind];
  return entry.kind.charAt(0).toUpperCase() + entry.kind.slice(1);
}
