import { Anchor, Card, Loader, Text, Timeline, Title } from '@mantine/core';
import { IconArrowRight, IconCash, IconFileDescription, IconFileInvoice, IconMail, IconNote, IconPhone, IconSignature, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Client } from '../../../../shared/api/clients';
import type { Activity } from '../../../../shared/api/leads';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/dates';
import { ErrorPanel } from '../../components/ErrorPanel';
import { LogActivityForm } from '../leads/LogActivityForm';

const KIND_LABELS: Record<Activity['kind'], string> = { note: 'Note', call: 'Call', email: 'Email', meeting: 'Meeting', stage: 'Lead', proposal: 'Proposal', contract: 'Contract', invoice: 'Invoice', payment: 'Payment' };

const ICONS: Record<Activity['kind'], React.ReactNode> = {
  note: <IconNote size={12} />,
  call: <IconPhone size={12} />,
  email: <IconMail size={12} />,
  meeting: <IconUsers size={12} />,
  stage: <IconArrowRight size={12} />,
  proposal: <IconFileDescription size={12} />,
  contract: <IconSignature size={12} />,
  invoice: <IconFileInvoice size={12} />,
  payment: <IconCash size={12} />,
};

/**
 * The client's timeline, newest first (clients.timeline): notes, calls and emails logged here, the
 * lead it came from with its stages, proposals, contracts, invoices, credit notes and payments,
 * each opening its record; and a form to log a note, call, email or meeting.
 */
export function ClientTimelineCard({ client }: { client: Client }) {
  const timeline = useApiQuery('clients.timeline', { id: client.id });
  const log = useApiMutation('clients.logActivity');
  return (
    <Card component="section" aria-labelledby="client-timeline">
      <Title order={2} size="h4" id="client-timeline" mb="sm">
        Timeline
      </Title>
      <LogActivityForm log={log} toInput={(values) => ({ clientId: client.id, ...values })} notePlaceholder="A note about this client" />
      {timeline.isError ? (
        <ErrorPanel error={timeline.error} />
      ) : timeline.isPending ? (
        <Loader size="sm" />
      ) : timeline.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing yet.
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} aria-label="Client timeline">
          {timeline.data.map((entry) => (
            <Timeline.Item key={entry.id} bullet={ICONS[entry.kind]} title={<Text size="sm" fw={600}>{KIND_LABELS[entry.kind]}</Text>}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {entry.href ? (
                  <Anchor component={Link} to={entry.href} size="sm">
                    {entry.body}
                  </Anchor>
                ) : (
                  entry.body
                )}
              </Text>
              <Text size="xs" c="dimmed" mt={2}>
                {formatDateTime(entry.occurredAt)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
