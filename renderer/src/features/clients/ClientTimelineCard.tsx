import { Card, Loader, Text, Title } from '@mantine/core';
import type { Client } from '../../../../shared/api/clients';
import type { Activity } from '../../../../shared/api/leads';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ActivityTimeline } from '../leads/ActivityTimeline';
import { LogActivityForm } from '../leads/LogActivityForm';

const KIND_LABELS: Record<Activity['kind'], string> = { note: 'Note', call: 'Call', email: 'Email', meeting: 'Meeting', stage: 'Lead', proposal: 'Proposal', contract: 'Contract', invoice: 'Invoice', payment: 'Payment' };

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
        <ActivityTimeline entries={timeline.data} title={(entry) => KIND_LABELS[entry.kind]} showBody={() => true} label="Client timeline" />
      )}
    </Card>
  );
}
