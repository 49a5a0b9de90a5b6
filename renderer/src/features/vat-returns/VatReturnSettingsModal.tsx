import { Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { vatReturnSettingsSchema, type VatReturnSettings } from '../../../../shared/api/vat-return';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { fieldMaxLength } from '../../forms/max-length';
import { canonicalText, numberInputProps, numberProblems, typedText } from '../../forms/numbers';
import { useSingleFlight } from '../../forms/single-flight';
import { useConfirmedClose } from '../../forms/unsaved-changes';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { STAGGER_LABELS } from './vat-return-text';
import { DateField } from '../../components/DateField';

interface Values {
  frequency: string;
  stagger: string;
  registeredOn: string;
  flatRatePercent: string;
  wholePounds: string;
}

const toInput = (v: Values) => ({
  frequency: v.frequency,
  stagger: Number(v.stagger),
  registeredOn: v.registeredOn || null,
  flatRatePercent: canonicalText(v.flatRatePercent.trim()) || null,
  wholePounds: v.wholePounds,
});

/** How the business files: monthly or quarterly (and which quarters), from when, and its flat rate. */
export function VatReturnSettingsModal({ flatRate, onClose }: { flatRate: boolean; onClose(): void }) {
  const current = useApiQuery('vatReturns.getSettings');
  return current.data ? <SettingsForm settings={current.data} flatRate={flatRate} onClose={onClose} /> : null;
}

function SettingsForm({ settings, flatRate, onClose }: { settings: VatReturnSettings; flatRate: boolean; onClose(): void }) {
  const save = useApiMutation('vatReturns.saveSettings');
  const form = useForm<Values>({
    initialValues: {
      frequency: settings.frequency,
      stagger: String(settings.stagger),
      registeredOn: settings.registeredOn ?? '',
      flatRatePercent: typedText(settings.flatRatePercent ?? ''),
      wholePounds: settings.wholePounds,
    },
    validate: (values) => ({
      ...zodValidate(vatReturnSettingsSchema, toInput)(values),
      // Both may be left empty in the API's settings, but no return can be worked out without them.
      ...(values.registeredOn ? {} : { registeredOn: 'Enter your VAT registration date' }),
      ...(flatRate && !values.flatRatePercent.trim() ? { flatRatePercent: 'Enter your sector’s flat rate' } : {}),
      ...numberProblems(values, ['flatRatePercent']),
    }),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const once = useSingleFlight();
  const submit = form.onSubmit((values) =>
    once(async () => {
      try {
        await save.mutateAsync(vatReturnSettingsSchema.parse(toInput(values)));
        notifications.show({ color: 'teal', message: 'VAT return settings saved.' });
        onClose();
      } catch (error) {
        form.setErrors(serverFieldErrors(error));
      }
    }),
  );
  return (
    <Modal opened onClose={close} title={<Text fw={650} size="lg">VAT return settings</Text>} size="lg">
    <form onSubmit={submit} noValidate aria-label="VAT return settings">
      <Stack>
        <SimpleGrid cols={2}>
          <DateField
            label="VAT registration date"
            description="From your VAT certificate. Returns start from it."
            withAsterisk
            data-autofocus
            {...form.getInputProps('registeredOn')}
          />
          <Select
            label="Returns"
            description="As HMRC set for your registration"
            allowDeselect={false}
            data={[
              { value: 'quarterly', label: 'Quarterly' },
              { value: 'monthly', label: 'Monthly' },
            ]}
            {...form.getInputProps('frequency')}
          />
        </SimpleGrid>
        {form.values.frequency === 'quarterly' && (
          <Select
            label="Quarters end in"
            allowDeselect={false}
            data={([1, 2, 3] as const).map((s) => ({ value: String(s), label: STAGGER_LABELS[s] }))}
            {...form.getInputProps('stagger')}
          />
        )}
        <SimpleGrid cols={2}>
          {flatRate && (
            <TextInput
              label="Flat rate (%)"
              description={`Your business sector's rate, e.g. ${typedText('14.5')}. The first year's 1% discount is applied for you.`}
              inputMode="decimal"
              withAsterisk
              maxLength={fieldMaxLength(vatReturnSettingsSchema, 'flatRatePercent')}
              {...numberInputProps(form, 'flatRatePercent')}
            />
          )}
          <Select
            label="Boxes 6 to 9"
            description="HMRC takes whole pounds"
            allowDeselect={false}
            data={[
              { value: 'truncate', label: 'Drop the pence' },
              { value: 'nearest', label: 'Round to the nearest pound' },
            ]}
            {...form.getInputProps('wholePounds')}
          />
        </SimpleGrid>
        <FormError error={save.error} />
        <ModalFooter action="Save settings" onCancel={close} loading={save.isPending} />
      </Stack>
    </form>
    </Modal>
  );
}
