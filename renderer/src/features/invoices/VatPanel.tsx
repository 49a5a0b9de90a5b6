import { Badge, Card, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { VatTreatment } from '../../../../shared/vat/treatment';
import type { DraftValues } from './draft-form';
import { fieldMaxLength } from '../../forms/max-length';
import { draftInput } from '../../../../shared/api/invoices';
import { VAT_CATEGORY_LABELS } from '../../../../shared/vat-summary/summary';
import { formatDecimal } from '../../components/format';
import { numberInputProps } from '../../forms/numbers';

/** The domain core's VAT decision, with its reason, and a recorded override. */
export function VatPanel({ form, treatment }: { form: UseFormReturnType<DraftValues>; treatment: VatTreatment | null }) {
  return (
    <Card>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={650}>VAT</Text>
          {treatment && (
            <Badge variant="light" data-testid="vat-category">
              {VAT_CATEGORY_LABELS[treatment.category]}
              {treatment.category === 'standard' ? ` ${formatDecimal(treatment.rate)}%` : ''}
            </Badge>
          )}
        </Group>
        {treatment ? (
          <Text size="sm" c="dimmed" data-testid="vat-reason">
            {treatment.reason}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Choose a client to see how VAT applies.
          </Text>
        )}
        {treatment?.notes.map((n) => (
          <Text key={n.key} size="xs" fs="italic">
            “{n.text}”
          </Text>
        ))}
        {treatment?.warnings.map((w) => (
          <Text key={w} size="xs" c="orange">
            {w}
          </Text>
        ))}
        <Switch label="Override the VAT treatment" {...form.getInputProps('overrideVat', { type: 'checkbox' })} />
        {form.values.overrideVat && (
          <Stack gap="xs">
            <SimpleGrid cols={2}>
              <Select
                label="Category"
                allowDeselect={false}
                data={Object.entries(VAT_CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
                {...form.getInputProps('vatOverride.category')}
              />
              <TextInput label="Rate (%)" maxLength={fieldMaxLength(draftInput, 'vatOverride.rate')} {...numberInputProps(form, 'vatOverride.rate')} />
            </SimpleGrid>
            <TextInput label="Reason for the override" description="Kept with the invoice" maxLength={fieldMaxLength(draftInput, 'vatOverride.reason')} {...form.getInputProps('vatOverride.reason')} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
