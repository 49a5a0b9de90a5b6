import { ActionIcon, Alert, Button, Card, Group, Menu, Modal, Pagination, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDots, IconFileImport, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { rateInput, type Rate } from '../../../../shared/api/rates';
import { FX_SOURCE_LABELS, FX_SOURCES, type FxSource } from '../../../../shared/money/fx';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { PageHeader } from '../../components/PageHeader';
import { CurrencySelect } from '../../components/ReferenceSelects';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';
import { HiddenHeader } from '../../components/HiddenHeader';
import { fieldMaxLength } from '../../forms/max-length';
import { useConfirmedClose } from '../../forms/unsaved-changes';
import { numberInputProps, numberProblems, typedText, withCanonicalNumbers } from '../../forms/numbers';
import { formatDecimal } from '../../components/format';
import { DateField } from '../../components/DateField';

/**
 * Settings → Exchange rates: the one local rate table (units of a currency per 1 unit of the home
 * currency), kept offline. Rates are added by hand or imported from HMRC's monthly file or the
 * ECB's reference-rate CSV that the user downloaded; issuing pre-fills from them.
 */
export function RatesPage() {
  const profile = useApiQuery('profile.get');
  const [currency, setCurrency] = useState<CurrencyCode | null>(null);
  const [page, setPage] = useState(0);
  const rates = useApiQuery('rates.list', { currency, page });
  const remove = useApiMutation('rates.delete');
  const [editing, setEditing] = useState<Rate | 'new' | null>(null);
  const home = profile.data?.homeCurrency ?? '';

  return (
    <>
      <PageHeader
        title="Exchange rates"
        subtitle={`Units of each currency per 1 ${home}. Issuing a foreign-currency invoice pre-fills the rate for its month from here (HMRC's period rate first).`}
        actions={
          <>
            <ImportButton />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add rate
            </Button>
          </>
        }
      />
      <Stack>
        <CurrencySelect label="Currency" placeholder="All currencies" clearable w={260} value={currency} onChange={(v) => (setCurrency((v as CurrencyCode | null) ?? null), setPage(0))} />
        {rates.error ? (
          <ErrorPanel error={rates.error} />
        ) : (
          <Card padding={0}>
            <Table verticalSpacing={6} data-testid="rates-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Currency</Table.Th>
                  <Table.Th ta="right">Per 1 {home}</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <HiddenHeader label="Actions" w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rates.data?.rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text size="sm" c="dimmed" p="sm">
                        No rates yet. Add one, or import HMRC's monthly rates (exrates-monthly-MMYY.csv) or the ECB's eurofxref.csv.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {rates.data?.rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDate(r.date)}</Table.Td>
                    <Table.Td>{r.currency}</Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {formatDecimal(r.rate)}
                    </Table.Td>
                    <Table.Td>{FX_SOURCE_LABELS[r.source]}</Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${r.currency} ${r.date}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(r)}>
                            Edit
                          </Menu.Item>
                          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove.mutateAsync({ id: r.id })}>
                            Delete
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
        {rates.data && rates.data.total > rates.data.pageSize && (
          <Pagination total={Math.ceil(rates.data.total / rates.data.pageSize)} value={page + 1} onChange={(p) => setPage(p - 1)} />
        )}
      </Stack>
      {editing && <RateModal rate={editing === 'new' ? null : editing} home={home} onClose={() => setEditing(null)} />}
    </>
  );
}

/** Reads the chosen file in the renderer and sends its text; the main process checks every row. */
function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const importFile = useApiMutation('rates.import');
  const [problem, setProblem] = useState<{ file: string; message: string } | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      const result = await importFile.mutateAsync({ fileName: file.name, text: await file.text() });
      const skipped = result.skipped.length > 0 ? ` Skipped currencies Billable does not know: ${result.skipped.join(', ')}.` : '';
      notifications.show({ color: 'teal', message: `Imported ${result.imported} ${result.kind === 'hmrc' ? 'HMRC period' : 'ECB reference'} rates from ${file.name}.${skipped}` });
    } catch (error) {
      const fields = serverFieldErrors(error);
      setProblem({ file: file.name, message: fields.file ?? fields.text ?? (error instanceof ApiCallError ? error.message : String(error)) });
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input ref={input} type="file" accept=".csv,text/csv" hidden data-testid="rate-file" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      <Button variant="default" leftSection={<IconFileImport size={16} />} loading={importFile.isPending} onClick={() => input.current?.click()}>
        Import rate file
      </Button>
      {problem && (
        <Modal opened onClose={() => setProblem(null)} title={<Text fw={650}>{problem.file} was not imported</Text>}>
          <Alert color="red" data-testid="rate-import-error">
            {problem.message}
          </Alert>
        </Modal>
      )}
    </>
  );
}

interface RateValues {
  currency: string;
  rate: string;
  source: string;
  date: string;
}

function RateModal({ rate, home, onClose }: { rate: Rate | null; home: string; onClose(): void }) {
  const save = useApiMutation('rates.save');
  const form = useForm<RateValues>({
    initialValues: rate ? { currency: rate.currency, rate: typedText(rate.rate), source: rate.source, date: rate.date } : { currency: '', rate: '', source: 'hmrc-period', date: '' },
    validate: (v: RateValues) => ({ ...zodValidate(rateInput, (values: RateValues) => withCanonicalNumbers(values, ['rate']))(v), ...numberProblems(v, ['rate']) }),
  });
  const close = useConfirmedClose(() => form.isDirty(), onClose);
  const submit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync({ ...withCanonicalNumbers(values, ['rate']), id: rate?.id ?? null, currency: values.currency as CurrencyCode, source: values.source as FxSource });
      onClose();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  return (
    <Modal opened onClose={close} title={<Text fw={650} size="lg">{rate ? 'Edit rate' : 'Add a rate'}</Text>}>
      <form onSubmit={submit} noValidate aria-label="Exchange rate">
        <Stack>
          <SimpleGrid cols={2}>
            <CurrencySelect label="Currency" withAsterisk {...form.getInputProps('currency')} />
            <TextInput label={`${form.values.currency || 'Units'} per 1 ${home}`} placeholder={typedText('1.2560')} withAsterisk inputMode="decimal" maxLength={fieldMaxLength(rateInput, 'rate')} {...numberInputProps(form, 'rate')} />
            <Select label="Source" allowDeselect={false} data={FX_SOURCES.map((s) => ({ value: s, label: FX_SOURCE_LABELS[s] }))} {...form.getInputProps('source')} />
            <DateField label="Date" withAsterisk {...form.getInputProps('date')} />
          </SimpleGrid>
          <Group>
            <FormError error={save.error} />
          </Group>
          <ModalFooter action={rate ? 'Save rate' : 'Add rate'} onCancel={close} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
