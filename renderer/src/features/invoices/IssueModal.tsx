import { Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { fxInput, type Invoice } from '../../../../shared/api/invoices';
import { FX_SOURCE_LABELS, FX_SOURCES, type FxSource } from '../../../../shared/money/fx';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate, formatMonth } from '../../components/dates';
import { FormError } from '../../components/FormError';
import { FigureRow } from '../../components/FigureRow';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { fieldMaxLength } from '../../forms/max-length';
import { formatDecimal, formatMoney } from '../../components/format';
import { numberInputProps, numberProblems, typedText, withCanonicalNumbers } from '../../forms/numbers';
import { DateField } from '../../components/DateField';

interface Props {
  /** The draft as just saved: its client, currency and total are what the summary shows. */
  invoice: Invoice;
  homeCurrency: string;
  /** Whether VAT is charged in a foreign currency, so the home-currency VAT must be printed. */
  fxRequired: boolean;
  /** The tax point (ISO): the rate is the one for this date's month. */
  rateDate: string;
  onClose(): void;
}

interface FxValues {
  rate: string;
  source: string;
  date: string;
}

/**
 * Confirms issuing. A foreign-currency invoice needs its exchange rate (rules §2.5): pre-filled
 * from the stored rates (HMRC's period rate for the month first), shown with its source and date,
 * and the user may change it.
 */
export function IssueModal({ invoice, homeCurrency, fxRequired, rateDate, onClose }: Props) {
  const { currency } = invoice;
  const issue = useApiMutation('invoices.issue');
  const next = useApiQuery('invoices.nextNumber', { id: invoice.id });
  const foreign = currency !== homeCurrency;
  const suggested = useApiQuery('rates.suggest', { currency, date: rateDate }, { enabled: foreign });
  const form = useForm<FxValues>({ initialValues: { rate: '', source: 'other', date: rateDate }, validate: foreign ? (v: FxValues) => ({ ...zodValidate(fxInput, (values: FxValues) => withCanonicalNumbers(values, ['rate']))(v), ...numberProblems(v, ['rate']) }) : () => ({}) });
  const stored = suggested.data;
  useEffect(() => {
    // Pre-fill once the stored rate arrives, unless the user has started typing.
    if (stored && !form.isDirty()) form.setValues({ rate: typedText(stored.rate), source: stored.source, date: stored.date });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form is a stable Mantine handle
  }, [stored]);
  const prefilled = stored && form.values.rate === typedText(stored.rate) && form.values.source === stored.source && form.values.date === stored.date;

  const submit = form.onSubmit(async (values) => {
    try {
      await issue.mutateAsync({ id: invoice.id, fx: foreign ? { ...withCanonicalNumbers(values, ['rate']), source: values.source as FxSource } : null });
      onClose();
    } catch (error) {
      const errors = serverFieldErrors(error);
      form.setErrors(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^fx\./, ''), v])));
    }
  });

  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Issue this invoice?</Text>} size="lg">
      <form onSubmit={submit} noValidate aria-label="Issue invoice">
        <Stack>
          <Stack gap={4} data-testid="issue-summary">
            <FigureRow label="Client" value={invoice.clientName} />
            <FigureRow label="Currency" value={currency} />
            <FigureRow label="Total due" value={formatMoney({ amount: invoice.payable, currency })} testId="issue-total" strong />
            <FigureRow label="Number it will take" value={next.data?.number ?? '…'} testId="issue-number" />
          </Stack>
          <Text size="sm">
            Issuing gives the invoice its number and freezes it. After that it can't be changed or deleted; corrections are made with a credit note.
          </Text>
          {foreign && (
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {fxRequired
                  ? `VAT is charged in ${currency}, so the invoice must also show it in ${homeCurrency}.`
                  : `The invoice is in ${currency}; its value in ${homeCurrency} is kept for your VAT return.`}
              </Text>
              <SimpleGrid cols={3}>
                <TextInput label={`${currency} per 1 ${homeCurrency}`} placeholder={typedText('1.2560')} withAsterisk data-autofocus maxLength={fieldMaxLength(fxInput, 'rate')} {...numberInputProps(form, 'rate')} />
                <Select label="Source" allowDeselect={false} data={FX_SOURCES.map((s) => ({ value: s, label: FX_SOURCE_LABELS[s] }))} {...form.getInputProps('source')} />
                <DateField label="Rate date" {...form.getInputProps('date')} />
              </SimpleGrid>
              <Text size="xs" c="dimmed" data-testid="rate-origin">
                {stored
                  ? prefilled
                    ? `Pre-filled from your stored rates: ${FX_SOURCE_LABELS[stored.source]} of ${formatDate(stored.date)}. Change it if you used another.`
                    : `Your stored rate: ${formatDecimal(stored.rate)} (${FX_SOURCE_LABELS[stored.source]} of ${formatDate(stored.date)}).`
                  : `No ${currency} rate is stored for ${formatMonth(rateDate)}. Add or import rates in Settings → Exchange rates, or enter it here.`}
              </Text>
            </Stack>
          )}
          <FormError error={issue.error} />
          {/* A foreign-currency invoice starts at its rate field instead: the rate must be checked first. */}
          <ModalFooter action="Issue invoice" onCancel={onClose} loading={issue.isPending} focusAction={!foreign} />
        </Stack>
      </form>
    </Modal>
  );
}
