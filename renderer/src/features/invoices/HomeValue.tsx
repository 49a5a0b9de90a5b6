import { Badge, Button, Divider, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { fxInput, type Invoice } from '../../../../shared/api/invoices';
import { FX_SOURCE_LABELS, FX_SOURCES, type FxSource } from '../../../../shared/money/fx';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { FigureRow } from '../../components/FigureRow';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { fieldMaxLength } from '../../forms/max-length';
import { formatDecimal, formatMoney } from '../../components/format';
import { DateField } from '../../components/DateField';

/** A gain as "+£7.07", a loss as "−£7.71". */
export function signedMoney(amount: number, currency: Invoice['currency']): string {
  return `${amount < 0 ? '−' : '+'}${formatMoney({ amount: Math.abs(amount), currency })}`;
}

/**
 * An issued foreign document's value in the home currency, with its rate, source and date; one
 * added after issue is marked so. A foreign document without one offers to add it.
 */
export function HomeValue({ invoice }: { invoice: Invoice }) {
  const profile = useApiQuery('profile.get');
  const [adding, setAdding] = useState(false);
  const value = invoice.homeValue;
  if (!value) {
    const home = profile.data?.homeCurrency;
    if (!home || home === invoice.currency) return null;
    return (
      <>
        <Divider my={4} />
        <Group justify="space-between" data-testid="home-value-missing">
          <Text size="xs" c="dimmed">
            No {home} value is recorded for this document.
          </Text>
          <Button size="compact-xs" variant="light" onClick={() => setAdding(true)}>
            Add home-currency value
          </Button>
        </Group>
        {adding && <AddHomeValueModal invoice={invoice} homeCurrency={home} onClose={() => setAdding(false)} />}
      </>
    );
  }
  const h = (amount: number) => formatMoney({ amount, currency: value.currency });
  return (
    <Stack gap={4} data-testid="home-value">
      <Divider my={4} />
      <Group gap={6}>
        <Text size="sm" fw={600}>
          Value in {value.currency}
        </Text>
        {value.addedAt && (
          <Badge size="xs" color="orange" variant="light">
            Added later, {formatDate(value.addedAt.slice(0, 10))}
          </Badge>
        )}
      </Group>
      <FigureRow label={`Net (${value.currency})`} value={h(value.net)} />
      <FigureRow label={`VAT (${value.currency})`} value={h(value.vat)} />
      <FigureRow label={`Total (${value.currency})`} value={h(value.gross)} testId="home-gross" />
      <Text size="xs" c="dimmed">
        {formatDecimal(value.rate)} {invoice.currency} per 1 {value.currency}, {FX_SOURCE_LABELS[value.source]} of {formatDate(value.date)}
      </Text>
      {invoice.exchangeGain !== null && (
        <FigureRow label={invoice.exchangeGain < 0 ? 'Realised exchange loss' : 'Realised exchange gain'} value={signedMoney(invoice.exchangeGain, value.currency)} testId="exchange-gain" strong />
      )}
    </Stack>
  );
}

interface FxValues {
  rate: string;
  source: string;
  date: string;
}

function AddHomeValueModal({ invoice, homeCurrency, onClose }: { invoice: Invoice; homeCurrency: string; onClose(): void }) {
  const add = useApiMutation('invoices.addHomeValue');
  const rateDate = invoice.taxPoint ?? invoice.issueDate;
  const suggested = useApiQuery('rates.suggest', { currency: invoice.currency, date: rateDate });
  const form = useForm<FxValues>({ initialValues: { rate: '', source: 'hmrc-period', date: rateDate }, validate: zodValidate(fxInput) });
  const stored = suggested.data;
  useEffect(() => {
    if (stored && !form.isDirty()) form.setValues({ rate: stored.rate, source: stored.source, date: stored.date });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form is a stable Mantine handle
  }, [stored]);
  const submit = form.onSubmit(async (values) => {
    try {
      await add.mutateAsync({ id: invoice.id, fx: { ...values, source: values.source as FxSource } });
      onClose();
    } catch (error) {
      form.setErrors(Object.fromEntries(Object.entries(serverFieldErrors(error)).map(([k, v]) => [k.replace(/^fx\./, ''), v])));
    }
  });
  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Add the {homeCurrency} value of {invoice.number}</Text>} size="lg">
      <form onSubmit={submit} noValidate aria-label="Add home-currency value">
        <Stack>
          <Text size="sm">
            The document stays exactly as issued. Its {homeCurrency} value at this rate is recorded beside it, marked as added later, and can't be changed afterwards.
          </Text>
          <SimpleGrid cols={3}>
            <TextInput label={`${invoice.currency} per 1 ${homeCurrency}`} placeholder="1.2560" withAsterisk data-autofocus maxLength={fieldMaxLength(fxInput, 'rate')} {...form.getInputProps('rate')} />
            <Select label="Source" allowDeselect={false} data={FX_SOURCES.map((s) => ({ value: s, label: FX_SOURCE_LABELS[s] }))} {...form.getInputProps('source')} />
            <DateField label="Rate date" {...form.getInputProps('date')} />
          </SimpleGrid>
          <FormError error={add.error} />
          <ModalFooter action="Record value" onCancel={onClose} loading={add.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
