import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CALL_OUTCOME_LABELS, type IntroCall } from '../../../../shared/api/intro-calls';
import { call as callApi } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { downloadText } from '../../components/downloads';
import { HeldModal } from './HeldModal';
import { ProposeSlots } from './ProposeSlots';
import { SlotModal } from './SlotModal';

type Dialog = { kind: 'book' } | { kind: 'reschedule'; call: IntroCall } | { kind: 'held'; call: IntroCall } | null;

const STATUS_COLOR = { booked: 'blue', held: 'teal', cancelled: 'gray' } as const;

/** The lead page's intro calls (issue 15 §3): book, reschedule, cancel, mark held, download the .ics, propose three slots. */
export function IntroCallsCard({ lead }: { lead: { id: number } }) {
  const calls = useApiQuery('introCalls.forLead', { leadId: lead.id });
  const cancel = useApiMutation('introCalls.cancel');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [proposing, setProposing] = useState(false);

  const download = async (id: number) => {
    try {
      const file = await callApi('introCalls.ics', { id });
      notifications.show({ color: 'teal', message: `Saved ${downloadText(file.text, file.fileName, file.mimeType)}.` });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
  const cancelCall = async (id: number) => {
    try {
      await cancel.mutateAsync({ id });
      notifications.show({ message: 'Call cancelled. Download its .ics to take it off the calendar.' });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };

  return (
    <Card component="section" aria-labelledby="intro-calls-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="intro-calls-title">
            Intro calls
          </Title>
          <Group gap="xs">
            <Button variant="default" onClick={() => setProposing((p) => !p)} aria-expanded={proposing}>
              Propose three slots
            </Button>
            <Button onClick={() => setDialog({ kind: 'book' })} disabled={!calls.data}>
              Book a call
            </Button>
          </Group>
        </Group>
        {proposing && <ProposeSlots leadId={lead.id} />}
        {calls.error && <Text c="red">{calls.error.message}</Text>}
        {calls.data?.calls.length === 0 && <Text c="dimmed">No call booked yet.</Text>}
        {calls.data?.calls.map((c) => (
          <Stack key={c.id} gap={4} data-testid="intro-call">
            <Group justify="space-between" wrap="wrap">
              <Group gap="xs">
                <Text fw={600} td={c.status === 'cancelled' ? 'line-through' : undefined}>
                  {c.bothZones}
                </Text>
                <Text size="sm" c="dimmed">
                  {c.durationMinutes} min
                </Text>
                <Badge color={STATUS_COLOR[c.status]} variant="light">
                  {c.status === 'held' && c.outcome ? `Held: ${CALL_OUTCOME_LABELS[c.outcome]}` : c.status === 'booked' ? 'Booked' : 'Cancelled'}
                </Badge>
              </Group>
              <Group gap="xs">
                {c.status === 'booked' && (
                  <>
                    <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'held', call: c })}>
                      Mark held
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'reschedule', call: c })}>
                      Reschedule
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => void cancelCall(c.id)} loading={cancel.isPending && cancel.variables?.id === c.id}>
                      Cancel call
                    </Button>
                  </>
                )}
                <Button size="xs" variant="subtle" onClick={() => void download(c.id)}>
                  Download .ics
                </Button>
              </Group>
            </Group>
            {c.status === 'booked' &&
              c.warnings.map((w) => (
                <Alert key={w} color="yellow" p="xs">
                  {w}
                </Alert>
              ))}
            {c.notes && <Text size="sm">{c.notes}</Text>}
          </Stack>
        ))}
      </Stack>
      {dialog?.kind === 'book' && calls.data && <SlotModal leadId={lead.id} calls={calls.data} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reschedule' && calls.data && <SlotModal leadId={lead.id} calls={calls.data} call={dialog.call} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'held' && <HeldModal call={dialog.call} onClose={() => setDialog(null)} />}
    </Card>
  );
}
