import { Badge, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { fxInput } from '../../../../shared/api/invoices';
import { FX_SOURCE_LABELS, FX_SOURCES } from '../../../../shared/money/fx';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';

interface Props {
  invoiceId: number;
  currency: string;
  homeCurrency: string;
  /** Whether VAT is charged in a foreign currency, so the home-currency figures must be printed. */
  fxRequired: boolean;
  rateDate: string;
  onClose(): void;
}

interface FxValues {
  rate: string;
  source: string;
  date: string;
}

/** Confirms issuing; asks for the exchange rate only when the invoice must show home-currency VAT. */
export function IssueModal({ invoiceId, currency, homeCurrency, fxRequired, rateDate, onClose }: Props) {
  const issue = useApiMutation('invoices.issue');
  const stored = useApiQuery('rates.list', { currency }, { enabled: fxRequired });
  const form = useForm<FxValues>({ initialValues: { rate: '', source: 'hmrc-period', date: rateDate }, validate: fxRequired ? zodValidate(fxInput) : () => ({}) });

  const submit = form.onSubmit(async (values) => {
    try {
      await issue.mutateAsync({ id: invoiceId, fx: fxRequired ? (values as never) : null });
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
          <Text size="sm">
            Issuing gives the invoice its number and freezes it. After that it can't be changed or deleted; corrections are made with a credit note.
          </Text>
          {fxRequired && (
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                VAT is charged in {currency}, so the invoice must also show it in {homeCurrency}.
              </Text>
              <SimpleGrid cols={3}>
                <TextInput label={`${currency} per 1 ${homeCurrency}`} placeholder="1.2560" data-autofocus {...form.getInputProps('rate')} />
                <Select label="Source" allowDeselect={false} data={FX_SOURCES.map((s) => ({ value: s, label: FX_SOURCE_LABELS[s] }))} {...form.getInputProps('source')} />
                <TextInput label="Rate date" type="date" {...form.getInputProps('date')} />
              </SimpleGrid>
              {stored.data && stored.data.length > 0 && (
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    Used before:
                  </Text>
                  {stored.data.map((r) => (
                    <Badge
                      key={`${r.rate}-${r.date}-${r.source}`}
                      variant="outline"
                      style={{ cursor: 'pointer', textTransform: 'none' }}
                      onClick={() => form.setValues({ rate: r.rate, source: r.source, date: r.date })}
                    >
                      {r.rate} · {r.date}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
          )}
          <FormError error={issue.error} />
          <ModalFooter action="Issue invoice" onCancel={onClose} loading={issue.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
