import { Button, Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Timer } from '../../../../shared/api/time';
import { calendarDateIn } from '../../../../shared/dates/calendar';
import { formatDuration } from '../../../../shared/time/duration';
import { instantAt, secondsBetween, wallTimeAt } from '../../../../shared/time/instants';
import type { ForgottenReason } from '../../../../shared/time/rules';
import { useApiMutation } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { FormError } from '../../components/FormError';
import { useBusinessZone } from './time-hooks';
import { DateField } from '../../components/DateField';

type Running = NonNullable<Timer['running']>;

/** A day, in ms: a stop time is offered within the entry's 24-hour limit. */
const DAY_MS = 86_400_000;

/**
 * Asked when the timer ran across a restart or for longer than the setting (shared/time/rules.ts
 * forgottenReason): keep the time, discard it, or stop it at a chosen time (a date and time in
 * the business's zone). It has to be answered: the time is the user's to decide.
 */
export function ForgottenTimerModal({ timer, reason }: { timer: Running; reason: ForgottenReason }) {
  const zone = useBusinessZone();
  const keep = useApiMutation('timer.keep');
  const discard = useApiMutation('timer.discard');
  const stop = useApiMutation('timer.stop');
  const now = new Date();
  // Now when that keeps the entry within a day; otherwise eight hours after it started.
  const suggested = now.getTime() - Date.parse(timer.startedAt) <= DAY_MS ? now.toISOString() : new Date(Date.parse(timer.startedAt) + 8 * 3_600_000).toISOString();
  const [date, setDate] = useState(() => calendarDateIn(zone, new Date(suggested)));
  const [time, setTime] = useState(() => wallTimeAt(suggested, zone));
  const [localError, setLocalError] = useState<string | null>(null);
  const elapsed = formatDuration(secondsBetween(timer.startedAt, now.toISOString()));
  const since = `${formatDate(calendarDateIn(zone, new Date(timer.startedAt)))}, ${wallTimeAt(timer.startedAt, zone)}`;

  const stopAt = () => {
    setLocalError(null);
    let at: string;
    try {
      at = instantAt(date, time, zone);
    } catch (error) {
      setLocalError((error as Error).message);
      return;
    }
    stop.mutate({ at });
  };
  const busy = keep.isPending || discard.isPending || stop.isPending;
  const stopError = localError ?? stop.error?.fieldErrors.at ?? null;

  return (
    <Modal opened onClose={() => {}} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} title={<Text fw={650} size="lg">Is this timer still running?</Text>}>
      <Stack>
        <Text size="sm">
          The timer for <b>{timer.contractReference} · {timer.contractTitle}</b> has been running since {since} ({elapsed} h)
          {reason === 'restart' ? ', from before Billable was last closed.' : '. That is longer than your forgotten-timer setting.'}
        </Text>
        <Group grow>
          <Button variant="default" loading={keep.isPending} disabled={busy} onClick={() => keep.mutate({ id: timer.id, reason })} data-autofocus>
            Keep it running
          </Button>
          <Button variant="default" color="red" loading={discard.isPending} disabled={busy} onClick={() => discard.mutate(undefined)}>
            Discard the time
          </Button>
        </Group>
        <Divider label="or stop it when you finished" labelPosition="center" />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            stopAt();
          }}
          aria-label="Stop the timer at a time"
        >
          <Group align="flex-start" grow>
            <DateField label="Finished on" value={date} onChange={(value) => setDate(value)} error={stopError ? true : undefined} />
            <TextInput type="time" label="At" value={time} onChange={(e) => setTime(e.currentTarget.value)} error={stopError ?? undefined} />
          </Group>
          <Group justify="flex-end" mt="md">
            <Button type="submit" loading={stop.isPending} disabled={busy}>
              Stop at this time
            </Button>
          </Group>
        </form>
        <FormError error={keep.error ?? discard.error} />
      </Stack>
    </Modal>
  );
}
