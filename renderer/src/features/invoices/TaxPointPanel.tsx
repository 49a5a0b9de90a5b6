import { Badge, Card, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TaxPoint } from '../../../../shared/vat/tax-point';
import { formatDate } from '../../components/dates';
import type { DraftValues } from './draft-form';
import { fieldMaxLength } from '../../forms/max-length';
import { draftInput } from '../../../../shared/api/invoices';
import { DateField } from '../../components/DateField';

/**
 * The tax point the rules derive (shared/vat/tax-point.ts) with the rule in plain words, the
 * continuous-supply choice that changes the rule, and the user's own tax point with its reason.
 */
export function TaxPointPanel({ form, taxPoint, invoiceDeadline }: { form: UseFormReturnType<DraftValues>; taxPoint: TaxPoint | null; invoiceDeadline: string | null }) {
  const overriding = form.values.overrideTaxPoint;
  return (
    <Card>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={650}>Tax point</Text>
          {taxPoint && (
            <Badge variant="light" color={taxPoint.rule === 'override' ? 'orange' : 'blue'} data-testid="tax-point">
              {formatDate(taxPoint.date)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" data-testid="tax-point-rule">
          {taxPoint ? taxPoint.explanation : 'Choose a client and a date to see the tax point.'}
        </Text>
        {invoiceDeadline && (
          <Text size="sm" data-testid="invoice-deadline">
            Intra-EU supply: issue this invoice by {formatDate(invoiceDeadline)} (the 15th of the month after the supply).
          </Text>
        )}
        <Switch
          label="Continuous supply"
          description="Retainers and work billed every period: the tax point is the invoice or payment, whichever comes first"
          {...form.getInputProps('continuousSupply', { type: 'checkbox' })}
        />
        <Switch label="Set my own tax point" {...form.getInputProps('overrideTaxPoint', { type: 'checkbox' })} />
        {overriding && (
          <Stack gap="xs">
            <DateField label="Tax point" withAsterisk {...form.getInputProps('taxPoint')} />
            <TextInput label="Reason" withAsterisk placeholder="e.g. agreed with HMRC" maxLength={fieldMaxLength(draftInput, 'taxPointReason')} {...form.getInputProps('taxPointReason')} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
