import { Anchor, Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowRight, IconMail, IconNote, IconPhone, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { activityInput, LOGGED_ACTIVITY_KINDS, type Activity, type LeadDetail } from '../../../../shared/api/leads';
import { useApiMutation } from '../../api/hooks';
import { formatDateTime } from '../../components/dates';
import { FormError } from '../../components/FormError';
import { fieldMaxLength } from '../../forms/max-length';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';

type Logged = (typeof LOGGED_ACTIVITY_KINDS)[number];

const KIND_LABELS: Record<Logged, string> = { note: 'Note', call: 'Call', email: 'Email', meeting: 'Meeting' };

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
  const toInput = (values: { kind: Logged; body: string }) => ({ leadId: lead.id, ...values });
  const form = useForm<{ kind: Logged; body: string }>({ initialValues: { kind: 'note', body: '' }, validate: zodValidate(activityInput, toInput) });
  const submit = form.onSubmit(async (values) => {
    try {
      await log.mutateAsync(toInput(values));
      form.reset();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  const entries = [...lead.timeline].reverse();
  return (
    <Card component="section" aria-labelledby="lead-timeline">
      <Title order={2} size="h4" id="lead-timeline" mb="sm">
        Timeline
      </Title>
      <form onSubmit={submit} noValidate aria-label="Log activity">
        <Stack gap="xs" mb="lg">
          <SegmentedControl aria-label="What happened" size="xs" data={LOGGED_ACTIVITY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} {...form.getInputProps('kind')} />
          <Textarea aria-label="What happened" placeholder={form.values.kind === 'note' ? 'A note to yourself' : `What was said in the ${KIND_LABELS[form.values.kind].toLowerCase()}`} autosize minRows={2} maxRows={8} maxLength={fieldMaxLength(activityInput, 'body')} {...form.getInputProps('body')} />
          <FormError error={log.error} />
          <Group justify="flex-end">
            <Button type="submit" size="sm" loading={log.isPending}>
              Log {KIND_LABELS[form.values.kind].toLowerCase()}
            </Button>
          </Group>
        </Stack>
      </form>
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
  if (entry.kind in KIND_LABELS) return KIND_LABELS[entry.kind as Logged];
  return entry.kind.charAt(0).toUpperCase() + entry.kind.slice(1);
}
