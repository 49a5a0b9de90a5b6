import { Alert, Badge, Button, Checkbox, FileButton, Group, Modal, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import type { CallOutput } from '../../../../shared/api/contract';
import { CSV_MAX_BYTES } from '../../../../shared/api/lead-import';
import { FIELD_LABELS, FORMAT_LABELS, IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../../../shared/lead-import/formats';
import { leadInputOf } from '../../../../shared/lead-import/rows';
import { LEAD_SOURCES, SOURCE_LABELS, type LeadSource } from '../../../../shared/leads/sources';
import { useApiMutation } from '../../api/hooks';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { ClientSelect } from '../clients/ClientSelect';

/** Rows drawn in the preview: those with errors first, so a long file still shows every problem near the top. */
const ROWS_SHOWN = 200;

type Target = 'leads' | 'contacts';
type Result = CallOutput<'leadImport.importCsv'>;

/** What the preview depends on; a change to any of them checks the file again. */
interface Choice {
  file: { name: string; text: string } | null;
  target: Target;
  clientId: string | null;
  mapping: ColumnMapping | null;
}

/**
 * Imports leads, or a client's contacts, from a CSV (issue 15 §7): choose the file, check the
 * proposed column mapping, see every row's errors, then import all at once. The main process
 * parses and checks the file (leadImport.previewCsv) and imports it in one transaction; a file
 * with errors is refused whole unless the user chooses to skip those rows.
 */
export function CsvImportModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [target, setTarget] = useState<Target>('leads');
  const [source, setSource] = useState<LeadSource>('platform');
  const [clientId, setClientId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [skipErrors, setSkipErrors] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const preview = useApiMutation('leadImport.previewCsv');
  const run = useApiMutation('leadImport.importCsv');

  const inputOf = (c: Choice) => (c.file && (c.target === 'leads' || c.clientId) ? { text: c.file.text, target: c.target, source, clientId: c.target === 'contacts' ? Number(c.clientId) : null, mapping: c.mapping } : null);
  const input = inputOf({ file, target, clientId, mapping });
  /** Applies a change to the file, target, client or mapping and checks the file again under it. */
  const change = (next: Partial<Choice>) => {
    const c = { file, target, clientId, mapping, ...next };
    setFile(c.file);
    setTarget(c.target);
    setClientId(c.clientId);
    setMapping(c.mapping);
    const checked = inputOf(c);
    if (checked) preview.mutate(checked);
    else preview.reset();
  };

  const close = () => {
    setFile(null);
    setFileError(null);
    setMapping(null);
    setSkipErrors(false);
    setResult(null);
    preview.reset();
    run.reset();
    onClose();
  };

  const choose = async (chosen: File | null) => {
    if (!chosen) return;
    setResult(null);
    run.reset();
    if (chosen.size > CSV_MAX_BYTES) return setFileError('This file is larger than 10 MB. Split it and import the parts.');
    setFileError(null);
    setSkipErrors(false);
    change({ file: { name: chosen.name, text: await chosen.text() }, mapping: null });
  };

  const shown = preview.data && input ? preview.data : null;
  const mapTo = (field: ImportField, column: string | null) => change({ mapping: { ...(mapping ?? shown!.mapping), [field]: column === null ? null : Number(column) } });
  const good = shown ? shown.rows.length - shown.errorCount : 0;
  const rows = shown ? [...shown.rows.filter((r) => r.errors.length > 0), ...shown.rows.filter((r) => r.errors.length === 0)].slice(0, ROWS_SHOWN) : [];
  const noun = target === 'leads' ? 'lead' : 'contact';
  const count = shown && shown.errorCount > 0 && skipErrors ? good : (shown?.rows.length ?? 0);

  const submit = () => {
    if (!input) return;
    run.mutate({ ...input, mapping: mapping ?? shown?.mapping ?? null, skipErrors }, { onSuccess: setResult });
  };

  return (
    <Modal opened={opened} onClose={close} title="Import leads or contacts from CSV" size="xl">
      {result ? (
        <Stack>
          <Alert color="teal" title={`Imported ${result.imported} ${noun}${result.imported === 1 ? '' : 's'}`}>
            {result.skipped.length === 0 ? 'Every row was imported.' : `Skipped ${result.skipped.length} row${result.skipped.length === 1 ? '' : 's'}:`}
            {result.skipped.length > 0 && (
              <ul aria-label="Skipped rows">
                {result.skipped.map((r) => (
                  <li key={r.row}>
                    Row {r.row}: {r.errors.join('; ')}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Group>
            <FileButton onChange={(f) => void choose(f)} accept=".csv,text/csv">
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconFileSpreadsheet size={16} />}>
                  {file ? 'Choose another file…' : 'Choose CSV file…'}
                </Button>
              )}
            </FileButton>
            {file && <Text size="sm">{file.name}</Text>}
          </Group>
          {fileError && (
            <Text c="red" size="sm" role="alert">
              {fileError}
            </Text>
          )}
          <Group align="flex-end">
            <SegmentedControl
              aria-label="Import as"
              value={target}
              onChange={(v) => change({ target: v as Target })}
              data={[
                { value: 'leads', label: 'Leads' },
                { value: 'contacts', label: 'Contacts of a client' },
              ]}
            />
            {target === 'leads' ? (
              <Select label="Source" value={source} onChange={(v) => v && setSource(v as LeadSource)} data={LEAD_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} allowDeselect={false} w={220} />
            ) : (
              <ClientSelect label="Client" value={clientId} onChange={(id) => change({ clientId: id })} status="active" w={260} />
            )}
          </Group>
          <FormError error={preview.error} />
          {shown && (
            <>
              <Text size="sm">
                Recognised as <strong>{FORMAT_LABELS[shown.format]}</strong>: {shown.rows.length} row{shown.rows.length === 1 ? '' : 's'}, {shown.errorCount} with errors.
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
                {IMPORT_FIELDS.map((field) => (
                  <Select
                    key={field}
                    label={FIELD_LABELS[field]}
                    size="xs"
                    placeholder="Not imported"
                    clearable
                    value={(mapping ?? shown.mapping)[field] === null ? null : String((mapping ?? shown.mapping)[field])}
                    onChange={(v) => mapTo(field, v)}
                    data={shown.columns.map((name, i) => ({ value: String(i), label: name || `Column ${i + 1}` }))}
                  />
                ))}
              </SimpleGrid>
              <ScrollArea.Autosize mah={300}>
                <Table striped aria-label="Rows to import" fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Row</Table.Th>
                      <Table.Th>{target === 'leads' ? 'Title' : 'Name'}</Table.Th>
                      <Table.Th>Email</Table.Th>
                      <Table.Th>Organisation</Table.Th>
                      <Table.Th>Problems</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{target === 'leads' ? leadInputOf(r.record, source).title : r.record.name}</Table.Td>
                        <Table.Td>{r.record.email}</Table.Td>
                        <Table.Td>{r.record.organisation}</Table.Td>
                        <Table.Td>
                          {r.errors.length === 0 ? (
                            <Badge color="teal" variant="light">
                              OK
                            </Badge>
                          ) : (
                            <Text c="red" size="sm">
                              {r.errors.join('; ')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
              {shown.rows.length > ROWS_SHOWN && (
                <Text size="xs" c="dimmed">
                  Showing {ROWS_SHOWN} of {shown.rows.length} rows.
                </Text>
              )}
              {shown.errorCount > 0 && (
                <Checkbox
                  label={`Skip the ${shown.errorCount} row${shown.errorCount === 1 ? '' : 's'} with errors and import the other ${good}`}
                  checked={skipErrors}
                  onChange={(e) => setSkipErrors(e.currentTarget.checked)}
                />
              )}
            </>
          )}
          <FormError error={run.error} />
          <ModalFooter action={shown ? `Import ${count} ${noun}${count === 1 ? '' : 's'}` : 'Import'} onCancel={close} onAction={submit} loading={run.isPending} />
        </Stack>
      )}
    </Modal>
  );
}
