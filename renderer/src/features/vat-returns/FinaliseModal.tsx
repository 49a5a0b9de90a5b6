import { Alert, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { vatFinaliseInput, type VatReturnView } from '../../../../shared/api/vat-return';
import { useApiMutation } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { fieldMaxLength } from '../../forms/max-length';
import { useConfirmedClose } from '../../forms/unsaved-changes';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { netText } from './vat-return-text';

/**
 * Finalising records the return as filed: its figures and the records it counted never change
 * again, and anything dated in the period that turns up later goes on the next return.
 */
export function FinaliseModal({ vatReturn, limitedCostTrader, onClose }: { vatReturn: VatReturnView; limitedCostTrader: boolean; onClose(): void }) {
  const finalise = useApiMutation('vatReturns.finalise');
  const { period } = vatReturn;
  const form = useForm({
    initialValues: { periodKey: '' },
    validate: zodValidate(vatFinaliseInput, (v: { periodKey: string }) => ({ ...v, periodStart: period.start, limitedCostTrader })),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const submit = form.onSubmit(async ({ periodKey }) => {
    try {
      await finalise.mutateAsync({ periodStart: period.start, periodKey, limitedCostTrader });
      notifications.show({ color: 'teal', message: `The VAT return for ${formatDate(period.start)} to ${formatDate(period.end)} is finalised.` });
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Modal opened onClose={close} title={<Text fw={650} size="lg">Finalise this VAT return</Text>}>
      <form onSubmit={submit} noValidate aria-label="Finalise VAT return">
        <Stack>
          <Text size="sm">
            {formatDate(period.start)} to {formatDate(period.end)}: <strong>{netText(vatReturn.boxes.box5!, vatReturn.direction)}</strong>, due{' '}
            {formatDate(vatReturn.dueDate)}.
          </Text>
          <Alert color="yellow" variant="light">
            Finalise once you have submitted these figures to HMRC. They are then kept exactly as filed: anything for this period that turns up later goes on
            your next return.
          </Alert>
          <TextInput
            label="Period key"
            description="The 4-character code HMRC shows for this return in your VAT account, such as 26A4"
            withAsterisk
            maxLength={fieldMaxLength(vatFinaliseInput, 'periodKey')}
            data-autofocus
            {...form.getInputProps('periodKey')}
          />
          <FormError error={finalise.error} />
          <ModalFooter action="Finalise return" onCancel={close} loading={finalise.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
