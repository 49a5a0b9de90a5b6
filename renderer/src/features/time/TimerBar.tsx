import { ActionIcon, Button, Group, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlayerPlayFilled, IconPlayerStopFilled, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { formatClock } from '../../../../shared/time/duration';
import { secondsBetween } from '../../../../shared/time/instants';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Keys } from '../../components/Keys';
import { useNow } from '../../components/useNow';
import { ForgottenTimerModal } from './ForgottenTimerModal';
import { TIMER_KEYS, useTimeableContracts } from './time-hooks';
import { fieldMaxLength } from '../../forms/max-length';
import { timerStartInput } from '../../../../shared/api/time';

/** The running timer's clock, ticking every second. Its own component, so only it redraws each second. */
function Elapsed({ startedAt }: { startedAt: string }) {
  const now = useNow(1000);
  return (
    <Text fw={700} className="tabular" data-testid="timer-elapsed" aria-live="off" miw={72} ta="right">
      {formatClock(secondsBetween(startedAt, now.toISOString()))}
    </Text>
  );
}

/**
 * The timer in the app header, on every screen: contract, note, start/stop and the time so far.
 * Choosing another contract while it runs switches to it (main stops the first in the same
 * transaction). Mod+Shift+S starts or stops, Mod+Shift+O opens the contract picker, from any
 * screen and any field. The timer is re-read every few seconds, so a start or stop from the
 * application menu shows here too.
 */
export function TimerBar() {
  const timer = useApiQuery('timer.current', undefined, { refetchInterval: 5000 });
  const { options } = useTimeableContracts();
  const start = useApiMutation('timer.start');
  const stop = useApiMutation('timer.stop');
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const running = timer.data?.running ?? null;
  const lastId = timer.data?.lastContractId ?? null;
  const selected = running ? String(running.contractId) : (chosen ?? (lastId === null ? null : String(lastId)));
  const error = start.error ?? stop.error;

  const begin = (contractId: string | null) => {
    stop.reset();
    if (!contractId) {
      picker.current?.focus();
      picker.current?.click();
      return;
    }
    start.mutate({ contractId: Number(contractId), note }, { onSuccess: () => setNote('') });
  };
  const toggle = () => (running ? stop.mutate({}, { onSuccess: () => start.reset() }) : begin(selected));
  useHotkeys(
    [
      [TIMER_KEYS.toggle.hotkey, toggle],
      [TIMER_KEYS.contract.hotkey, () => (picker.current?.focus(), picker.current?.click())],
    ],
    [],
  );

  return (
    <Group gap="sm" wrap="nowrap" h="100%" px="md" justify="flex-end" flex={1} miw={0} role="region" aria-label="Timer" data-testid="timer-bar">
      <Tooltip label={<Group gap={6}>Switch contract <Keys keys={TIMER_KEYS.contract.keys} /></Group>} openDelay={400}>
        <Select
          ref={picker}
          aria-label="Timer contract"
          placeholder={options.length ? 'Choose a contract to time' : 'No signed contracts yet'}
          data={options}
          value={selected}
          onChange={(v) => {
            setChosen(v);
            if (running && v && v !== String(running.contractId)) begin(v);
          }}
          searchable
          nothingFoundMessage="No signed or active contract matches"
          w={{ base: 220, lg: 360 }}
          size="sm"
          comboboxProps={{ withinPortal: true }}
          error={start.error?.fieldErrors.contractId ? true : undefined}
        />
      </Tooltip>
      {running ? (
        <Text size="sm" c="dimmed" w={{ base: 140, lg: 200 }} truncate="end" title={running.note || undefined}>
          {running.note || 'No note'}
        </Text>
      ) : (
        <TextInput aria-label="Timer note" placeholder="What are you working on?" maxLength={fieldMaxLength(timerStartInput, 'note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={{ base: 160, lg: 200 }} size="sm" onKeyDown={(e) => e.key === 'Enter' && begin(selected)} />
      )}
      {running ? <Elapsed startedAt={running.startedAt} /> : <Text fw={700} c="dimmed" className="tabular" miw={72} ta="right">0:00:00</Text>}
      <Tooltip label={<Group gap={6}>{running ? 'Stop' : 'Start'} the timer <Keys keys={TIMER_KEYS.toggle.keys} /></Group>}>
        <Button
          onClick={toggle}
          color={running ? 'red' : undefined}
          leftSection={running ? <IconPlayerStopFilled size={14} /> : <IconPlayerPlayFilled size={14} />}
          loading={start.isPending || stop.isPending}
          w={96}
          size="sm"
        >
          {running ? 'Stop' : 'Start'}
        </Button>
      </Tooltip>
      {error && (
        <Group gap={4} wrap="nowrap" maw={360}>
          <Text size="xs" c="red" role="alert" lineClamp={2}>
            {error.fieldErrors.contractId ?? error.fieldErrors.at ?? error.message}
          </Text>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Dismiss" onClick={() => (start.reset(), stop.reset())}>
            <IconX size={12} />
          </ActionIcon>
        </Group>
      )}
      {timer.data?.running && timer.data.forgotten && <ForgottenTimerModal timer={timer.data.running} reason={timer.data.forgotten} />}
    </Group>
  );
}
