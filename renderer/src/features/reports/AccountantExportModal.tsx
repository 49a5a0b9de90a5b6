import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { exportInput } from '../../../../shared/api/invoices';
import { addDays, addMonths, lastDayOfMonth } from '../../../../shared/dates/calendar';
import { countOf } from '../../../../shared/text/plural';
import { useApiMutation } from '../../api/hooks';
import { formatDate, useToday } from '../../components/dates';
import { downloadBase64 } from '../../components/downloads';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { DateField } from '../../components/DateField';

interface Range {
  from: string;
  to: string;
}

/** The periods an accountant usually asks for, ending before `today`. */
function presets(today: string): { label: string; range: Range }[] {
  const monthStart = `${today.slice(0, 7)}-01`;
  const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  // The UK tax year runs 6 April to 5 April.
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '04-06' ? 1 : 0);
  return [
    { label: 'Last month', range: { from: addMonths(monthStart, -1), to: addDays(monthStart, -1) } },
    { label: 'Last quarter', range: { from: addMonths(quarterStart, -3), to: lastDayOfMonth(addMonths(quarterStart, -1)) } },
    { label: 'Last tax year', range: { from: `${year - 1}-04-06`, to: `${year}-04-05` } },
    { label: 'This tax year so far', range: { from: `${year}-04-06`, to: today } },
  ];
}

/**
 * The period's invoices and credit notes, their lines, payments and expenses as CSV files in one
 * zip, with home-currency columns, for an accountant's spreadsheet or bookkeeping software.
 */
export function AccountantExportModal({ onClose }: { onClose(): void }) {
  const today = useToday();
  const choices = presets(today);
  const run = useApiMutation('reports.accountantExport');
  const form = useForm<Range>({ initialValues: choices[1]!.range, validate: zodValidate(exportInput) });
  const submit = form.onSubmit(async (range) => {
    try {
      const out = await run.mutateAsync(range);
      const { documents, payments, expenses } = out.counts;
      const saved = downloadBase64(out.dataBase64, out.fileName, 'application/zip');
      notifications.show({
        color: 'teal',
        message: `Saved ${saved}: ${countOf(documents, 'document', 'documents')}, ${countOf(payments, 'payment', 'payments')} and ${countOf(expenses, 'expense', 'expenses')}.`,
      });
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Export for your accountant</Text>} size="lg">
      <form onSubmit={submit} noValidate aria-label="Export for your accountant">
        <Stack>
          <Text size="sm" c="dimmed">
            One zip of CSV files: invoices and credit notes issued in the period (with their figures in your home currency), their lines, payments received
            and expenses. Spreadsheet formulas in names and descriptions are written as text.
          </Text>
          <Group gap="xs">
            {choices.map((c) => (
              <Button key={c.label} size="xs" variant="light" onClick={() => form.setValues(c.range)}>
                {c.label}
              </Button>
            ))}
          </Group>
          <SimpleGrid cols={2}>
            <DateField label="From" withAsterisk {...form.getInputProps('from')} />
            <DateField label="To" withAsterisk {...form.getInputProps('to')} />
          </SimpleGrid>
          {form.values.from && form.values.to && form.values.from <= form.values.to && (
            <Text size="sm">
              {formatDate(form.values.from)} to {formatDate(form.values.to)}
            </Text>
          )}
          <FormError error={run.error} />
          <ModalFooter action="Export" onCancel={onClose} loading={run.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
