import { Modal, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { NOTE_MAX, timeEntryInput, type TimeEntry } from '../../../../shared/api/time';
import { formatDuration } from '../../../../shared/time/duration';
import { canonicalText, durationHint, typedDuration } from '../../forms/numbers';
import { wallTimeAt } from '../../../../shared/time/instants';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../components/dates';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { useBusinessZone, useTimeableContracts } from './time-hooks';
import { fieldMaxLength } from '../../forms/max-length';
import { useConfirmedClose } from '../../forms/unsaved-changes';
import { formatNumber } from '../../components/format';
import { DateField } from '../../components/DateField';

interface Values {
  contractId: string | null;
  date: string;
  kind: 'duration' | 'times';
  duration: string;
  start: string;
  end: string;
  note: string;
  billable: boolean;
}

const toInput = (v: Values) => ({
  contractId: v.contractId === null ? undefined : Number(v.contractId),
  date: v.date,
  timing: v.kind === 'duration' ? { kind: 'duration' as const, duration: canonicalText(v.duration.trim()) } : { kind: 'times' as const, start: v.start, end: v.end },
  note: v.note,
  billable: v.billable,
});

/** API field paths ("timing.duration") as this form's fields. */
const toFormErrors = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^timing\./, ''), message]));

/**
 * Log time by hand, or change an entry: a contract (signed or active), the day, either a
 * duration or start and end times (in the business's zone), a note and whether it is billable.
 * Checked with the API's schema as typed; main checks again and its field errors show here.
 */
export function EntryModal({ entry, defaults, onClose }: { entry?: TimeEntry; defaults?: { contractId: number | null; date: string }; onClose(): void }) {
  const zone = useBusinessZone();
  const today = useToday();
  const { options } = useTimeableContracts();
  const timer = useApiQuery('timer.current');
  // The contract asked for, else the one last timed, else the only one there is.
  const fallback = timer.data?.lastContractId ?? (options.length === 1 ? Number(options[0]!.value) : null);
  const defaultContract = defaults?.contractId ?? fallback;
  const create = useApiMutation('time.create');
  const update = useApiMutation('time.update');
  const mutation = entry ? update : create;
  const contractOptions = entry && !options.some((o) => o.value === String(entry.contractId)) ? [...options, { value: String(entry.contractId), label: `${entry.contractReference} · ${entry.contractTitle} — ${entry.clientName}` }] : options;
  const form = useForm<Values>({
    initialValues: entry
      ? {
          contractId: String(entry.contractId),
          date: entry.workDate,
          kind: entry.startedAt ? 'times' : 'duration',
          duration: entry.startedAt ? '' : formatDuration(entry.durationSeconds ?? 0),
          start: entry.startedAt ? wallTimeAt(entry.startedAt, zone) : '',
          end: entry.endedAt ? wallTimeAt(entry.endedAt, zone) : '',
          note: entry.note,
          billable: entry.billable,
        }
      : { contractId: defaultContract === null ? null : String(defaultContract), date: defaults?.date ?? today, kind: 'duration', duration: '', start: '', end: '', note: '', billable: true },
    validate: (values) => {
      const errors = toFormErrors(zodValidate(timeEntryInput, toInput)(values));
      if (values.contractId === null) errors.contractId = 'Choose a contract';
      const typed = typedDuration(values.duration);
      if (values.kind === 'duration' && !typed.ok) errors.duration = typed.message;
      return errors;
    },
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const submit = form.onSubmit(async (values) => {
    try {
      const input = { ...toInput(values), contractId: Number(values.contractId) };
      if (entry) await update.mutateAsync({ ...input, id: entry.id });
      else await create.mutateAsync(input);
      onClose();
    } catch (error) {
      form.setErrors(toFormErrors(serverFieldErrors(error)));
    }
  });
  return (
    <Modal opened onClose={close} size="lg" title={<Text fw={650} size="lg">{entry ? 'Edit time entry' : 'Log time'}</Text>}>
      <form onSubmit={submit} noValidate aria-label={entry ? 'Edit time entry' : 'Log time'}>
        <Stack>
          <Select label="Contract" withAsterisk searchable data={contractOptions} placeholder="A signed or active contract" nothingFoundMessage="No signed or active contract matches" data-autofocus {...form.getInputProps('contractId')} />
          <SimpleGrid cols={2}>
            <DateField label="Date" withAsterisk {...form.getInputProps('date')} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="entry-kind">
                Enter as
              </Text>
              <SegmentedControl
                aria-labelledby="entry-kind"
                data={[
                  { value: 'duration', label: 'Duration' },
                  { value: 'times', label: 'Start and end' },
                ]}
                {...form.getInputProps('kind')}
              />
            </Stack>
          </SimpleGrid>
          {form.values.kind === 'duration' ? (
            <TextInput label="Duration" withAsterisk placeholder="1:30" description={durationHint()} maxLength={fieldMaxLength(timeEntryInput, 'timing.duration')} {...form.getInputProps('duration')} />
          ) : (
            <SimpleGrid cols={2}>
              <TextInput label="Start" type="time" withAsterisk description={`In ${zone}`} {...form.getInputProps('start')} />
              <TextInput label="End" type="time" withAsterisk description="On the same day" {...form.getInputProps('end')} />
            </SimpleGrid>
          )}
          <Textarea label="Note" autosize minRows={2} maxRows={6} placeholder="What you worked on: it can go on the timesheet the client sees" maxLength={fieldMaxLength(timeEntryInput, 'note')} {...form.getInputProps('note')} />
          <Text size="xs" c={form.values.note.length > NOTE_MAX ? 'red' : 'dimmed'} ta="right" mt={-12}>
            {formatNumber(form.values.note.length)} / {formatNumber(NOTE_MAX)}
          </Text>
          <Switch label="Billable" description="Non-billable time is kept for your records and never invoiced" {...form.getInputProps('billable', { type: 'checkbox' })} />
          <FormError error={mutation.error} />
          <ModalFooter action={entry ? 'Save entry' : 'Log time'} onCancel={close} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
