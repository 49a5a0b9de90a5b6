import { Alert, Badge, Button, Card, Center, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconDatabaseExport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupEntry } from '../../../../shared/api/app';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { HiddenHeader } from '../../components/HiddenHeader';
import { BookTransferCard } from './BookTransferCard';
import { formatDateTime } from '../../components/dates';
import { formatNumber } from '../../components/format';


function summaryOf(backup: BackupEntry): string {
  if (!backup.summary) return '—';
  const { clients, invoices, lastInvoiceNumber } = backup.summary;
  const parts = [`${clients} ${clients === 1 ? 'client' : 'clients'}`, `${invoices} ${invoices === 1 ? 'invoice' : 'invoices'}`];
  if (lastInvoiceNumber) parts.push(`last ${lastInvoiceNumber}`);
  return parts.join(' · ');
}

/** Last backup, "Back up now" to a folder the user picks, and a restore list of checked backups. */
export function BackupsPage() {
  const queryClient = useQueryClient();
  const status = useApiQuery('app.status');
  const backups = useApiQuery('backups.list');
  const create = useApiMutation('backups.create');
  const restore = useApiMutation('app.restoreBackup');
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const ready = status.data?.state === 'ready' ? status.data : null;

  const backUpNow = async () => {
    const result = await create.mutateAsync(undefined);
    if (result.status !== 'saved') return;
    setSavedTo(result.path);
    await backups.refetch();
    notifications.show({ message: 'Backup saved and verified', color: 'teal', icon: <IconCheck size={16} /> });
  };

  const confirmRestore = (backup: BackupEntry) =>
    modals.openConfirmModal({
      title: `Restore the backup of ${formatDateTime(backup.createdAt)}?`,
      children: (
        <Text size="sm">
          Billable shows {summaryOf(backup)} from then. Your current data file is backed up first and kept unchanged in the quarantine folder, so nothing is
          deleted. Invoices and credit notes issued since then are not in this backup; their numbers stay used, so none is given twice.
        </Text>
      ),
      labels: { confirm: 'Restore', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void restore.mutateAsync({ file: backup.file }).then(async () => {
          // Everything on screen came from the file that was just replaced.
          await queryClient.invalidateQueries();
          notifications.show({ message: 'Backup restored', color: 'teal', icon: <IconCheck size={16} /> });
        }),
    });

  const error = create.error ?? restore.error;
  return (
    <>
      <PageHeader
        title="Backups"
        subtitle="Billable backs up your data once a day while it runs, and before every restore and update. Each backup is checked before it is kept."
        actions={
          <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void backUpNow().catch(() => {})} loading={create.isPending} disabled={!ready}>
            Back up now
          </Button>
        }
      />
      <Stack gap="lg" maw={880}>
        <Card>
          <Title order={2} size="h4" mb="sm">
            Last backup
          </Title>
          {ready?.lastBackup ? (
            <Text data-testid="last-backup">
              {formatDateTime(ready.lastBackup.createdAt)} <Code>{ready.lastBackup.file}</Code>
            </Text>
          ) : (
            <Text c="dimmed" data-testid="last-backup">
              None yet. The first is taken as soon as your business profile is saved.
            </Text>
          )}
          {savedTo && (
            <Text size="sm" mt="xs" role="status">
              Saved to <Code>{savedTo}</Code>
            </Text>
          )}
          {error && (
            <Alert color="red" variant="light" mt="sm" role="alert">
              {error.message}
            </Alert>
          )}
        </Card>
        <Card>
          <Title order={2} size="h4" mb="sm">
            Restore
          </Title>
          {backups.isPending ? (
            <Center py="md">
              <Loader size="sm" />
            </Center>
          ) : backups.error ? (
            <ErrorPanel error={backups.error} />
          ) : backups.data.length === 0 ? (
            <Text c="dimmed">No backups in {ready?.dataDir ?? 'the data folder'} yet.</Text>
          ) : (
            <Table aria-label="Backups" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Taken</Table.Th>
                  <Table.Th>Contents</Table.Th>
                  <Table.Th>Size</Table.Th>
                  <HiddenHeader label="Restore" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {backups.data.map((backup) => (
                  <Table.Tr key={backup.file} data-backup={backup.file}>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(backup.createdAt)}</Text>
                      <Text size="xs" c="dimmed">
                        {backup.file}
                      </Text>
                    </Table.Td>
                    <Table.Td>{backup.verified ? summaryOf(backup) : <Text size="sm" c="red">{backup.problem}</Text>}</Table.Td>
                    <Table.Td>{formatNumber(backup.sizeBytes / 1024, { maximumFractionDigits: 0 })} KB</Table.Td>
                    <Table.Td align="right">
                      {backup.verified ? (
                        <Button size="xs" variant="default" onClick={() => confirmRestore(backup)} loading={restore.isPending && restore.variables?.file === backup.file}>
                          Restore
                        </Button>
                      ) : (
                        <Group justify="flex-end">
                          <Badge color="red" variant="light">
                            Damaged
                          </Badge>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <BookTransferCard disabled={!ready} />
      </Stack>
    </>
  );
}
