import { Alert, Button, Card, FileButton, Group, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileExport, IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useApiMutation } from '../../api/hooks';
import { downloadBase64 } from '../../components/downloads';
import { readAsBase64 } from '../../components/uploads';
import { formatNumber } from '../../components/format';

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/**
 * The whole book as one file (every record as JSON, with its stored documents, in a zip) to keep
 * or move to another computer, and importing one: main builds a new data file from it and opens it
 * the way a backup is restored, so nothing is merged into the open book.
 */
export function BookTransferCard({ disabled }: { disabled: boolean }) {
  const queryClient = useQueryClient();
  const exportBook = useApiMutation('book.export');
  const importBook = useApiMutation('book.import');
  const [saved, setSaved] = useState<string | null>(null);
  const reset = useRef<() => void>(null);

  const runExport = async () => {
    const { dataBase64, fileName, counts } = await exportBook.mutateAsync(undefined);
    const name = downloadBase64(dataBase64, fileName, 'application/zip');
    setSaved(`Saved ${name}: ${plural(counts.rows, 'record', 'records')} in ${plural(counts.tables, 'table', 'tables')} and ${plural(counts.documents, 'document', 'documents')}.`);
  };

  const confirmImport = async (file: File | null) => {
    reset.current?.();
    if (!file) return;
    const dataBase64 = await readAsBase64(file);
    modals.openConfirmModal({
      title: `Import the book in ${file.name}?`,
      children: (
        <Text size="sm">
          Billable checks the file, builds a new data file from it and opens that in place of your current one; nothing is merged. Your current data file is
          backed up first and kept unchanged in the quarantine folder, so nothing is deleted.
        </Text>
      ),
      labels: { confirm: 'Import', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void importBook
          .mutateAsync({ fileName: file.name, dataBase64 })
          .then(async () => {
            // Everything on screen came from the file that was just replaced.
            await queryClient.invalidateQueries();
            setSaved(null);
            notifications.show({ message: 'Book imported', color: 'teal', icon: <IconCheck size={16} /> });
          })
          .catch(() => {}),
    });
  };

  const error = exportBook.error ?? importBook.error;
  return (
    <Card>
      <Title order={2} size="h4" mb="xs">
        Whole book
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every record as JSON with your stored PDFs and receipts, in one zip: to keep, or to open on another computer with Import book.
      </Text>
      <Group>
        <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => void runExport().catch(() => {})} loading={exportBook.isPending} disabled={disabled}>
          Export whole book (JSON)…
        </Button>
        <FileButton resetRef={reset} onChange={(file) => void confirmImport(file)} accept=".zip,application/zip">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFileImport size={16} />} loading={importBook.isPending}>
              Import book…
            </Button>
          )}
        </FileButton>
      </Group>
      {saved && (
        <Text size="sm" mt="xs" role="status">
          {saved}
        </Text>
      )}
      {error && (
        <Alert color="red" variant="light" mt="sm" role="alert">
          {error.message}
        </Alert>
      )}
    </Card>
  );
}
