import { Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PAYMENT_METHODS, paymentInput, type Invoice } from '../../../../shared/api/invoices';
import { toMajorString } from '../../../../shared/money/money';
import { useApiMutation } from '../../api/hooks';
import { useToday } from '../../components/dates';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { fieldMaxLength } from '../../forms/max-length';
import { useConfirmedClose } from '../../forms/unsaved-changes';
import { numberInputProps, numberProblems, typedText, withCanonicalNumbers } from '../../forms/numbers';
import { DateField } from '../../components/DateField';

const METHOD_LABELS: Record<(typeof PAYMENT_METHODS)[number], string> = {
  'bank-transfer': 'Bank transfer',
  card: 'Card',
  cash: 'Cash',
  cheque: 'Cheque',
  paypal: 'PayPal',
  other: 'Other',
};

interface Values {
  date: string;
  amount: string;
  bankFee: string;
  method: string;
  note: string;
  homeAmount: string;
}

const NUMBER_FIELDS = ['amount', 'bankFee', 'homeAmount'] as const;

export function PaymentModal({ invoice, onClose }: { invoice: Invoice; onClose(): void }) {
  const record = useApiMutation('payments.record');
  // Only a foreign document with a home value can show a gain or loss.
  const home = invoice.homeValue?.currency ?? null;
  const today = useToday();
  const form = useForm<Values>({
    initialValues: { date: today, amount: typedText(toMajorString(invoice.outstanding, invoice.currency)), bankFee: '', method: 'bank-transfer', note: '', homeAmount: '' },
    validate: (v: Values) => ({ ...zodValidate(paymentInput, (values: Values) => ({ ...withCanonicalNumbers(values, NUMBER_FIELDS), invoiceId: invoice.id }))(v), ...numberProblems(v, NUMBER_FIELDS) }),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const submit = form.onSubmit(async (values) => {
    try {
      await record.mutateAsync({ ...withCanonicalNumbers(values, NUMBER_FIELDS), invoiceId: invoice.id, method: values.method as (typeof PAYMENT_METHODS)[number] });
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Modal opened onClose={close} title={<Text fw={650} size="lg">Record a payment for {invoice.number}</Text>}>
      <form onSubmit={submit} noValidate aria-label="Record payment">
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={`Amount (${invoice.currency})`} withAsterisk inputMode="decimal" data-autofocus maxLength={fieldMaxLength(paymentInput, 'amount')} {...numberInputProps(form, 'amount')} />
            <DateField label="Date received" withAsterisk {...form.getInputProps('date')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select label="Method" allowDeselect={false} data={PAYMENT_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} {...form.getInputProps('method')} />
            <TextInput label="Bank fee" placeholder={typedText('0.00')} inputMode="decimal" maxLength={fieldMaxLength(paymentInput, 'bankFee')} {...numberInputProps(form, 'bankFee')} />
          </SimpleGrid>
          {home && (
            <TextInput
              label={`Amount received in ${home}`}
              description={`What reached your account, so the exchange gain or loss against the invoice's ${home} value is known`}
              inputMode="decimal"
              maxLength={fieldMaxLength(paymentInput, 'homeAmount')}
              {...numberInputProps(form, 'homeAmount')}
            />
          )}
          <TextInput label="Note" maxLength={fieldMaxLength(paymentInput, 'note')} {...form.getInputProps('note')} />
          <FormError error={record.error} />
          <ModalFooter action="Record payment" onCancel={close} loading={record.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export { METHOD_LABELS };
