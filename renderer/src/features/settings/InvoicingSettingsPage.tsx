import { Card, Center, Group, Loader, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput, Title, Input } from '@mantine/core';
import { invoicingSettingsInput, type InvoicingSettings } from '../../../../shared/api/settings';
import { formatInvoiceNumber, patternProblem } from '../../../../shared/invoice/numbering';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../components/dates';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { SaveButton } from '../../components/SaveButton';
import { fieldMaxLength } from '../../forms/max-length';
import { useSettingsForm } from '../../forms/settings-form';

function Choice({ label, description, data, ...props }: { label: string; description: string; data: { value: string; label: string }[]; value?: string; onChange?(v: string): void }) {
  return (
    <Input.Wrapper label={label} description={description}>
      <SegmentedControl mt={6} data={data} value={props.value ?? ''} onChange={(v) => props.onChange?.(v)} />
    </Input.Wrapper>
  );
}

function example(pattern: string, today: string): string {
  return patternProblem(pattern) ? '—' : formatInvoiceNumber(pattern, today, 1);
}

function SettingsForm({ settings }: { settings: InvoicingSettings }) {
  const save = useApiMutation('settings.saveInvoicing');
  const today = useToday();
  const { form, submit } = useSettingsForm(save, settings, invoicingSettingsInput, 'Invoice settings saved');
  return (
    <form onSubmit={submit} noValidate>
      <PageHeader
        title="Invoice settings"
        subtitle="Numbering, paper and rounding. Issued invoices keep the settings they were issued with."
        actions={
          <SaveButton saving={save.isPending} dirty={form.isDirty()} />
        }
      />
      <Stack gap="lg" maw={880}>
        <Card>
          <Title order={2} size="h4" mb="md">
            Numbering
          </Title>
          <Stack>
            <SimpleGrid cols={2}>
              <TextInput label="Invoice numbers" description={`For example ${example(form.values.invoicePattern, today)}`} maxLength={fieldMaxLength(invoicingSettingsInput, 'invoicePattern')} {...form.getInputProps('invoicePattern')} />
              <TextInput label="Credit note numbers" description={`For example ${example(form.values.creditNotePattern, today)}`} maxLength={fieldMaxLength(invoicingSettingsInput, 'creditNotePattern')} {...form.getInputProps('creditNotePattern')} />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              Placeholders: {'{YYYY}'} year, {'{YY}'} short year, {'{MM}'} month, {'{SEQ:4}'} sequence padded to 4 digits. Numbers are given only when a document is issued, so there are no gaps.
            </Text>
            <Switch label="Start again at 1 each calendar year" {...form.getInputProps('resetYearly', { type: 'checkbox' })} />
          </Stack>
        </Card>
        <Card>
          <Title order={2} size="h4" mb="md">
            Documents and arithmetic
          </Title>
          <SimpleGrid cols={2} spacing="lg">
            <Choice label="Paper size" description="For PDFs" data={[{ value: 'A4', label: 'A4' }, { value: 'Letter', label: 'US Letter' }]} {...form.getInputProps('paperSize')} />
            <Choice
              label="VAT rounding"
              description="Half-up, or HMRC's round-down concession"
              data={[{ value: 'half-up', label: 'Half up' }, { value: 'down', label: 'Down' }]}
              {...form.getInputProps('vatRounding')}
            />
            <Choice
              label="VAT calculated"
              description="On each rate's total, or per line"
              data={[{ value: 'invoice', label: 'On totals' }, { value: 'line', label: 'Per line' }]}
              {...form.getInputProps('vatLevel')}
            />
            <Choice
              label="Discounts shown"
              description="As one negative line, or within each fee"
              data={[{ value: 'separate-line', label: 'Separate line' }, { value: 'per-line', label: 'Per line' }]}
              {...form.getInputProps('discountDisplay')}
            />
            <Choice
              label="Home-currency VAT"
              description="A: rate × converted net. B: converted VAT."
              data={[{ value: 'A', label: 'Method A' }, { value: 'B', label: 'Method B' }]}
              {...form.getInputProps('fxMethod')}
            />
          </SimpleGrid>
          <Switch
            mt="md"
            label="New invoices: prices include VAT"
            description="For consumer pricing. Each invoice can still change it; the invoice says when its prices include VAT."
            {...form.getInputProps('pricesIncludeVat', { type: 'checkbox' })}
          />
        </Card>
        <Group justify="flex-end">
          <SaveButton saving={save.isPending} dirty={form.isDirty()} />
        </Group>
      </Stack>
    </form>
  );
}

export function InvoicingSettingsPage() {
  const settings = useApiQuery('settings.getInvoicing');
  if (settings.isPending) return <Center py="xl"><Loader /></Center>;
  if (settings.isError) return <ErrorPanel error={settings.error} />;
  return <SettingsForm settings={settings.data} />;
}
