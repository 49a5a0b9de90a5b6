import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { leadStageInput, type Lead } from '../../../../shared/api/leads';
import { LOST_REASON_LABELS, LOST_REASONS, type LostReason } from '../../../../shared/leads/stages';
import { useApiMutation } from '../../api/hooks';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { fieldMaxLength } from '../../forms/max-length';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';

interface LostValues {
  lostReason: LostReason | null;
  lostNote: string;
}

/** Marks a lead lost: a reason from the short list is required, a note beside it is free text. */
export function LostReasonModal({ lead, onClose }: { lead: Pick<Lead, 'id' | 'title'>; onClose(): void }) {
  const setStage = useApiMutation('leads.setStage');
  const toInput = (values: LostValues) => ({ id: lead.id, stage: 'lost' as const, ...values });
  const form = useForm<LostValues>({ initialValues: { lostReason: null, lostNote: '' }, validate: zodValidate(leadStageInput, toInput) });
  const submit = form.onSubmit(async (values) => {
    try {
      await setStage.mutateAsync(toInput(values));
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Mark “{lead.title}” lost</Text>}>
      <form onSubmit={submit} noValidate aria-label="Mark lost">
        <Stack gap="md">
          <Select label="Reason" withAsterisk data-autofocus placeholder="Why was it lost?" data={LOST_REASONS.map((r) => ({ value: r, label: LOST_REASON_LABELS[r] }))} {...form.getInputProps('lostReason')} />
          <TextInput label="Note" placeholder="Anything worth remembering next time" maxLength={fieldMaxLength(leadStageInput, 'lostNote')} {...form.getInputProps('lostNote')} />
          <FormError error={setStage.error} />
          <ModalFooter action="Mark lost" onCancel={onClose} loading={setStage.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
