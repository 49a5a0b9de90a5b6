import { Alert, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { IntroCall, LeadCalls } from '../../../../shared/api/intro-calls';
import { zoneCity } from '../../../../shared/intro-calls/slots';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';

interface Props {
  leadId: number;
  calls: LeadCalls;
  /** The call to move; a new booking when absent. */
  call?: IntroCall;
  onClose(): void;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Books or moves a call: a date and time on the user's clock or the lead's, and its length. While
 * typing, main's preview shows the time in both zones, any working-hours warning and why the slot
 * can't be booked (past, clashing); the same checks refuse it on save.
 */
export function SlotModal({ leadId, calls, call, onClose }: Props) {
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [zone, setZone] = useState<'user' | 'lead'>('user');
  const [minutes, setMinutes] = useState<number | string>(call?.durationMinutes ?? calls.durationMinutes);
  const book = useApiMutation('introCalls.book');
  const reschedule = useApiMutation('introCalls.reschedule');
  const saving = call ? reschedule : book;
  const durationMinutes = typeof minutes === 'number' ? minutes : null;
  const ready = ISO_DATE.test(date) && CLOCK.test(time) && durationMinutes !== null && durationMinutes > 0;
  const preview = useApiQuery('introCalls.preview', { leadId, date, time, zone, durationMinutes }, { enabled: ready, retry: false });
  const errors = saving.error?.fieldErrors ?? {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const slot = { date, time, zone, durationMinutes: typeof minutes === 'number' ? minutes : Number(minutes) };
    try {
      const saved = call ? await reschedule.mutateAsync({ id: call.id, ...slot }) : await book.mutateAsync({ leadId, ...slot });
      notifications.show({ color: 'teal', message: `${call ? 'Moved to' : 'Booked for'} ${saved.bothZones}` });
      onClose();
    } catch {
      // The error shows on its field or below the form.
    }
  };

  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">{call ? 'Reschedule the call' : 'Book an intro call'}</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {calls.leadZone && calls.leadZone !== calls.userZone && (
            <SegmentedControl
              aria-label="Whose time"
              value={zone}
              onChange={(v) => setZone(v as 'user' | 'lead')}
              data={[
                { value: 'user', label: `Your time (${zoneCity(calls.userZone)})` },
                { value: 'lead', label: `Their time (${zoneCity(calls.leadZone)})` },
              ]}
            />
          )}
          <DateField label="Date" value={date} onChange={setDate} error={errors.date} data-autofocus />
          <TextInput label="Time" placeholder="15:00" value={time} onChange={(e) => setTime(e.currentTarget.value)} error={errors.time} />
          <NumberInput label="Length (minutes)" value={minutes} onChange={setMinutes} min={1} allowDecimal={false} error={errors.durationMinutes} />
          {ready && preview.data && (
            <Stack gap={4} aria-live="polite">
              <Text fw={600} data-testid="slot-both-zones">
                {preview.data.bothZones}
              </Text>
              {preview.data.warnings.map((w) => (
                <Alert key={w} color="yellow" p="xs">
                  {w}
                </Alert>
              ))}
              {preview.data.problem && (
                <Text c="red" size="sm">
                  {preview.data.problem}
                </Text>
              )}
            </Stack>
          )}
          <FormError error={saving.error} />
          <ModalFooter action={call ? 'Reschedule' : 'Book call'} onCancel={onClose} loading={saving.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
