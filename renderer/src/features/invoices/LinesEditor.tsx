import { ActionIcon, Button, Group, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { InvoiceCalculation } from '../../../../shared/invoice/types';
import type { LineKind } from '../../../../shared/invoice/types';
import { emptyLine, withKind, type DraftValues } from './draft-form';
import { HiddenHeader } from '../../components/HiddenHeader';
import { SHORTCUTS, shortcutText } from '../../app/shortcuts';
import { fieldMaxLength } from '../../forms/max-length';
import { draftInput } from '../../../../shared/api/invoices';
import { typedNumberProblem } from '../../../../shared/money/typed-number';
import { displayLocale } from '../../app/locale';
import { formatAmount } from '../../components/format';

const KINDS = [
  { value: 'fee', label: 'Fee' },
  { value: 'expense', label: 'Expense' },
  { value: 'disbursement', label: 'Disbursement' },
  { value: 'discount', label: 'Discount' },
];
const UNITS = [
  { value: 'hour', label: 'hours' },
  { value: 'day', label: 'days' },
  { value: 'item', label: 'items' },
  { value: 'fixed', label: 'fixed' },
];

/** The description never narrows below this (px): at 1024 px the grid scrolls sideways instead of squeezing it. */
const DESCRIPTION_MIN_WIDTH = 240;
/** The other columns' fixed widths plus each cell's padding, so the table's minimum leaves the description its width. */
const FIXED_COLUMNS_WIDTH = 140 + 100 + 100 + 130 + 120 + 40 + 7 * 12;

interface Props {
  form: UseFormReturnType<DraftValues>;
  calculation: InvoiceCalculation | null;
  defaultPrice: string;
}

/** The lines grid: Tab moves across, Enter adds a line below and moves to it. */
export function LinesEditor({ form, calculation, defaultPrice }: Props) {
  const lines = form.values.lines;

  const addAfter = (index: number) => {
    form.insertListItem('lines', emptyLine(defaultPrice), index + 1);
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-line="${index + 1}"][data-field="description"]`)?.focus());
  };
  const onEnter = (index: number) => (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      addAfter(index);
    }
  };
  const amountOf = (index: number) => {
    const line = calculation?.lines.find((l) => l.index === index);
    return line && calculation ? formatAmount({ amount: line.amount, currency: calculation.currency }) : '—';
  };

  return (
    <>
      <Table.ScrollContainer minWidth={DESCRIPTION_MIN_WIDTH + FIXED_COLUMNS_WIDTH} type="native">
        <Table verticalSpacing={6} horizontalSpacing={6} data-testid="lines-editor" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Description</Table.Th>
              <Table.Th w={140}>Type</Table.Th>
              <Table.Th w={100}>Quantity</Table.Th>
              <Table.Th w={100}>Unit</Table.Th>
              <Table.Th w={130}>Unit price</Table.Th>
              <Table.Th w={120} ta="right">
                Amount
              </Table.Th>
              <HiddenHeader label="Remove" w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => (
              <Table.Tr key={line.key} data-testid="line-row">
                <Table.Td>
                  <TextInput aria-label={`Line ${i + 1} description`} data-line={i} data-field="description" onKeyDown={onEnter(i)} maxLength={fieldMaxLength(draftInput, `lines.${i}.description`)} {...form.getInputProps(`lines.${i}.description`)} />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Line ${i + 1} type`}
                    data={KINDS}
                    allowDeselect={false}
                    {...form.getInputProps(`lines.${i}.kind`)}
                    onChange={(value) => {
                      if (!value) return;
                      const next = withKind(line, value as LineKind);
                      form.setFieldValue(`lines.${i}.unit`, next.unit);
                      form.setFieldValue(`lines.${i}.kind`, next.kind);
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Line ${i + 1} quantity`} inputMode="decimal" onKeyDown={onEnter(i)} maxLength={fieldMaxLength(draftInput, `lines.${i}.quantity`)} {...form.getInputProps(`lines.${i}.quantity`)} error={typedNumberProblem(line.quantity, displayLocale()) ?? form.errors[`lines.${i}.quantity`]} styles={{ input: { textAlign: 'right' } }} />
                </Table.Td>
                <Table.Td>
                  <Select aria-label={`Line ${i + 1} unit`} data={UNITS} allowDeselect={false} {...form.getInputProps(`lines.${i}.unit`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Line ${i + 1} unit price`} inputMode="decimal" onKeyDown={onEnter(i)} maxLength={fieldMaxLength(draftInput, `lines.${i}.unitPrice`)} {...form.getInputProps(`lines.${i}.unitPrice`)} error={typedNumberProblem(line.unitPrice, displayLocale()) ?? form.errors[`lines.${i}.unitPrice`]} styles={{ input: { textAlign: 'right' } }} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" className="tabular" data-testid="line-amount">
                    {amountOf(i)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label="Remove line">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Remove line ${i + 1}`} onClick={() => form.removeListItem('lines', i)} disabled={lines.length === 1}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group mt="xs" justify="space-between">
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => addAfter(lines.length - 1)}>
          Add line
        </Button>
        <Text size="xs" c="dimmed">
          Enter adds a line · {shortcutText(SHORTCUTS.saveDraft)} saves
        </Text>
      </Group>
      {typeof form.errors.lines === 'string' && (
        <Text c="red" size="sm" role="alert">
          {form.errors.lines}
        </Text>
      )}
    </>
  );
}
