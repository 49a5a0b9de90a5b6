import { Checkbox, Input, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId } from 'react';
import { rateCardInput, rateCardUpdateInput, type RateCard } from '../../../../shared/api/rate-cards';
import type { RateUnit } from '../../../../shared/contracts/types';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { useApiMutation } from '../../api/hooks';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { CurrencySelect } from '../../components/ReferenceSelects';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { canonicalPrice, hoursPerDayFor, PriceFields, withPriceChecks, type PriceValues } from './PriceFields';
import { numberInputProps } from '../../forms/numbers';
import { UNIT_OPTIONS } from './rate-card-text';
import { fieldMaxLength } from '../../forms/max-length';
import { useConfirmedClose } from '../../forms/unsaved-changes';

interface NewCardValues extends PriceValues {
  name: string;
  unit: RateUnit;
  currency: string;
  isDefault: boolean;
}

function newCardInput(values: NewCardValues) {
  return { ...values, currency: values.currency as CurrencyCode, hoursPerDay: hoursPerDayFor(values.unit, values.hoursPerDay) };
}

/** A new rate card with its first price. `first`: no card exists yet, so this one starts as the default. */
export function NewRateCardModal({ home, today, first, onClose }: { home: string; today: string; first: boolean; onClose(): void }) {
  const create = useApiMutation('rateCards.create');
  const unitLabel = useId();
  const form = useForm<NewCardValues>({
    initialValues: { name: '', unit: 'hour', currency: home, amount: '', hoursPerDay: '8', effectiveFrom: today, isDefault: first },
    validate: withPriceChecks(zodValidate(rateCardInput, newCardInput)),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const submit = form.onSubmit(async (values) => {
    try {
      await create.mutateAsync(newCardInput(canonicalPrice(values)));
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Modal opened onClose={close} size="lg" title={<Text fw={650} size="lg">New rate card</Text>}>
      <form onSubmit={submit} noValidate aria-label="New rate card">
        <Stack>
          <TextInput label="Name" withAsterisk placeholder="e.g. Standard, Workshop day" data-autofocus maxLength={fieldMaxLength(rateCardInput, 'name')} {...form.getInputProps('name')} />
          <Input.Wrapper label="Unit" withAsterisk labelElement="div" id={unitLabel} error={form.errors.unit}>
            <SegmentedControl mt={4} fullWidth aria-labelledby={`${unitLabel}-label`} data={UNIT_OPTIONS} {...form.getInputProps('unit')} />
          </Input.Wrapper>
          <CurrencySelect label="Currency" withAsterisk {...form.getInputProps('currency')} />
          <PriceFields currency={form.values.currency} isDayRate={form.values.unit === 'day'} inputProps={(path) => numberInputProps(form, path)} />
          <Text size="xs" c="dimmed" mt={-8}>
            Work from this date is priced at this rate. To change the price later, add a new price from a date; work already done keeps its price.
          </Text>
          <Checkbox label="Make this my default rate card" description="New contracts start with it." {...form.getInputProps('isDefault', { type: 'checkbox' })} />
          <FormError error={create.error} />
          <ModalFooter action="Add rate card" onCancel={close} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

interface EditCardValues {
  name: string;
  isDefault: boolean;
  archived: boolean;
}

/** Renames a card, makes it the default or archives it. Its unit, currency and prices stay. */
export function EditRateCardModal({ card, onClose }: { card: RateCard; onClose(): void }) {
  const update = useApiMutation('rateCards.update');
  const form = useForm<EditCardValues>({
    initialValues: { name: card.name, isDefault: card.isDefault, archived: card.archived },
    validate: zodValidate(rateCardUpdateInput, (values: EditCardValues) => ({ ...values, id: card.id })),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const submit = form.onSubmit(async (values) => {
    try {
      await update.mutateAsync({ ...values, id: card.id });
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Modal opened onClose={close} title={<Text fw={650} size="lg">Edit {card.name}</Text>}>
      <form onSubmit={submit} noValidate aria-label="Edit rate card">
        <Stack>
          <TextInput label="Name" withAsterisk data-autofocus maxLength={fieldMaxLength(rateCardUpdateInput, 'name')} {...form.getInputProps('name')} />
          <Checkbox label="Default rate card" description="New contracts start with it. Only one card is the default." {...form.getInputProps('isDefault', { type: 'checkbox' })} />
          <Checkbox
            label="Archived"
            description="Not offered for new contracts. Contracts that use it keep their prices."
            {...form.getInputProps('archived', { type: 'checkbox' })}
          />
          <FormError error={update.error} />
          <ModalFooter action="Save rate card" onCancel={close} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
