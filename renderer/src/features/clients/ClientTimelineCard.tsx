import { Anchor, Button, Card, Group, Loader, SegmentedControl, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowRight, IconCash, IconFileDescription, IconFileInvoice, IconMail, IconNote, IconPhone, IconSignature, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Client } from '../../../../shared/api/clients';
import { activityInput, LOGGED_ACTIVITY_KINDS, type Activity } from '../../../../shared/api/leads';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/dates';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormError } from '../../components/FormError';
import { fieldMaxLength } from '../../forms/max-length';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';

type Logged = (typeof LOGGED_ACTIVITY_KINDS)[number];

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
  const toInput = (values: { kind: Logged; body: string }) => ({ clientId: client.id, ...values });
  const form = useForm<{ kind: Logged; body: string }>({ initialValues: { kind: 'note', body: '' }, validate: zodValidate(activityInput, toInput) });
  const submit = form.onSubmit(async (values) => {
    try {
      await log.mutateAsync(toInput(values));
      form.reset();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Card component="section" aria-labelledby="client-timeline">
      <Title order={2} size="h4" id="client-timeline" mb="sm">
        Timeline
      </Title>
      <form onSubmit={submit} noValidate aria-label="Log activity">
        <Stack gap="xs" mb="lg">
          <SegmentedControl aria-label="What happened" size="xs" data={LOGGED_ACTIVITY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} {...form.getInputProps('kind')} />
          <Textarea aria-label="What happened" placeholder={form.values.kind === 'note' ? 'A note about this client' : `What was said in the ${KIND_LABELS[form.values.kind].toLowerCase()}`} autosize minRows={2} maxRows={8} maxLength={fieldMaxLength(activityInput, 'body')} {...form.getInputProps('body')} />
          <FormError error={log.error} />
          <Group justify="flex-end">
            <Button type="submit" size="sm" loading={log.isPending}>
              Log {KIND_LABELS[form.values.kind].toLowerCase()}
            </Button>
          </Group>
        </Stack>
      </form>
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
