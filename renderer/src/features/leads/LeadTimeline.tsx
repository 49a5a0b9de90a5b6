import { Anchor, Card, Text, Timeline, Title } from '@mantine/core';
import { IconArrowRight, IconMail, IconNote, IconPhone, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Activity, LeadDetail } from '../../../../shared/api/leads';
import { useApiMutation } from '../../api/hooks';
import { formatDateTime } from '../../components/dates';
import { LOGGED_KIND_LABELS, LogActivityForm, type LoggedKind } from './LogActivityForm';

const ICONS: Partial<Record<Activity['kind'], React.ReactNode>> = {
  note: <IconNote size={12} />,
  call: <IconPhone size={12} />,
  email: <IconMail size={12} />,
  meeting: <IconUsers size={12} />,
  stage: <IconArrowRight size={12} />,
};

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
      <Timeline bulletSize={22} lineWidth={2}>
        {entries.map((entry) => (
          <Timeline.Item key={entry.id} bullet={ICONS[entry.kind]} title={<Text size="sm" fw={600}>{entryTitle(entry)}</Text>}>
            {entry.kind !== 'stage' && entry.body && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {entry.href ? (
                  <Anchor component={Link} to={entry.href} size="sm">
                    {entry.body}
                  </Anchor>
                ) : (
                  entry.body
                )}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={2}>
              {formatDateTime(entry.occurredAt)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

function entryTitle(entry: Activity): string {
  if (entry.kind === 'stage') return entry.body;
  if (entry.kind in LOGGED_KIND_LABELS) return LOGGED_KIND_LABELS[entry.kind as LoggedKind];
  return entry.kind.charAt(0).toUpperCase() + entry.kind.slice(1);
}
