import { Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, type CallOutcome, type IntroCall } from '../../../../shared/api/intro-calls';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';

/** Records a held call: its notes and outcome, which moves the lead's stage ("Follow up later" also sets the next action). */
export function HeldModal({ call, onClose }: { call: IntroCall; onClose(): void }) {
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [notes, setNotes] = useState('');
  const [nextAction, setNextAction] = useState('');
  const [nextActionDue, setNextActionDue] = useState('');
  const hold = useApiMutation('introCalls.markHeld');
  const errors = hold.error?.fieldErrors ?? {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await hold.mutateAsync({ id: call.id, outcome: outcome as CallOutcome, notes, nextAction, nextActionDue: nextActionDue || null });
      notifications.show({ color: 'teal', message: `Call recorded: ${CALL_OUTCOME_LABELS[outcome!]}` });
      onClose();
    } catch {
      // The error shows on its field or below the form.
    }
  };

  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">How did the call go?</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {call.bothZones}
          </Text>
          <Radio.Group label="Outcome" value={outcome} onChange={(v) => setOutcome(v as CallOutcome)} error={errors.outcome}>
            <Group mt={6}>
              {CALL_OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={CALL_OUTCOME_LABELS[o]} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea label="Notes" autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
          {outcome === 'follow-up' && (
            <>
              <TextInput label="Next action" value={nextAction} onChange={(e) => setNextAction(e.currentTarget.value)} error={errors.nextAction} />
              <DateField label="Follow up on" value={nextActionDue} onChange={setNextActionDue} error={errors.nextActionDue} />
            </>
          )}
          <FormError error={hold.error} />
          <ModalFooter action="Record call" onCancel={onClose} loading={hold.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
