import { Alert, Button, Card, Center, Code, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import type { AppStatus, StoreFailure } from '../../../../shared/api/app';
import { useApiMutation } from '../../api/hooks';
import { formatDateTime } from '../../components/dates';
import { formatNumber } from '../../components/format';

type Failed = Extract<AppStatus, { state: 'failed' }>;


/**
 * What each failure is called and what the user can do about it. Restoring or starting empty is
 * offered only when the file itself is lost or damaged; a lock, permissions or a full disk are
 * fixed outside Billable and then retried.
 */
const SCREENS: Record<StoreFailure, { title: string; restore: boolean; startEmpty: boolean }> = {
  CORRUPT: { title: 'Damaged data file', restore: true, startEmpty: true },
  MISSING: { title: 'Missing data file', restore: true, startEmpty: true },
  MIGRATION_FAILED: { title: 'Update failed', restore: true, startEmpty: false },
  BUSY: { title: 'Data file in use', restore: false, startEmpty: false },
  READ_ONLY: { title: 'Cannot write to your data', restore: false, startEmpty: false },
  DISK_FULL: { title: 'Disk full', restore: false, startEmpty: false },
  BACKUP_FAILED: { title: 'Backup needed before updating', restore: false, startEmpty: false },
  NEWER_SCHEMA: { title: 'Made by a newer Billable', restore: false, startEmpty: false },
  FOREIGN: { title: 'Not a Billable file', restore: false, startEmpty: false },
  UNSAFE: { title: 'Cannot store data safely', restore: false, startEmpty: false },
  UNEXPECTED: { title: 'Could not open your data', restore: false, startEmpty: false },
};

/** Shown instead of the app when the data file could not be opened; never starts fresh silently. */
export function RecoveryScreen({ status }: { status: Failed }) {
  const screen = SCREENS[status.reason];
  const [chosen, setChosen] = useState(status.backups[0]?.file ?? '');
  const restore = useApiMutation('app.restoreBackup');
  const fresh = useApiMutation('app.startFresh');
  const retry = useApiMutation('app.retry');
  const moveTo = useApiMutation('app.chooseDataFolder');
  const error = restore.error ?? fresh.error ?? retry.error ?? moveTo.error;
  const offerRestore = screen.restore && status.backups.length > 0;
  const confirmFresh = () =>
    modals.openConfirmModal({
      title: 'Start with an empty data file?',
      children: <Text size="sm">Your old file stays in the quarantine folder, but Billable will not show any of its clients or invoices.</Text>,
      labels: { confirm: 'Start empty', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => void fresh.mutateAsync(undefined),
    });

  return (
    <Center mih="100%" p="xl" data-app-state="recovery" data-recovery-reason={status.reason}>
      <Card maw={640} w="100%" padding="xl" shadow="sm">
        <Stack gap="md">
          <Group gap="sm">
            <IconDatabaseExclamation size={28} color="var(--mantine-color-red-6)" />
            <Title order={1} size="h2">{screen.title}</Title>
          </Group>
          <Text>{status.message}</Text>
          {status.quarantinedTo && (
            <Text size="sm" c="dimmed">
              The damaged file was moved to <Code>{status.quarantinedTo}</Code>.
            </Text>
          )}
          {screen.restore &&
            (offerRestore ? (
              <Radio.Group label="Verified backups" value={chosen} onChange={setChosen}>
                <Stack gap="xs" mt="xs">
                  {status.backups.slice(0, 8).map((backup) => (
                    <Radio key={backup.file} value={backup.file} label={`${formatDateTime(backup.createdAt)} · ${formatNumber(backup.sizeBytes / 1024, { maximumFractionDigits: 0 })} KB`} description={backup.file} />
                  ))}
                </Stack>
              </Radio.Group>
            ) : (
              <Alert color="yellow" variant="light">
                No backups were found in <Code>{status.dataDir}</Code>.
              </Alert>
            ))}
          {/* The browser host keeps the folder it was started with, so it offers no folder dialog. */}
          {!window.billable && (
            <Text size="sm" c="dimmed">
              To use another data folder, restart the browser host with <Code>BILLABLE_DATA_DIR</Code> set to it.
            </Text>
          )}
          {error && (
            <Text c="red" size="sm" role="alert">
              {error.message}
            </Text>
          )}
          <Group justify="space-between" mt="sm">
            <Group gap="xs">
              {screen.startEmpty && (
                <Button variant="subtle" color="red" onClick={confirmFresh} loading={fresh.isPending}>
                  Start with an empty file
                </Button>
              )}
              {/* Only the desktop app can quit itself; a browser tab is closed by the user. */}
              {window.billable && (
                <Button variant="subtle" color="gray" onClick={() => window.close()}>
                  Quit Billable
                </Button>
              )}
              {window.billable && (
                <Button variant="subtle" onClick={() => void moveTo.mutateAsync(undefined)} loading={moveTo.isPending}>
                  Choose another folder…
                </Button>
              )}
            </Group>
            <Group gap="xs">
              <Button variant={offerRestore ? 'default' : 'filled'} onClick={() => void retry.mutateAsync(undefined)} loading={retry.isPending}>
                Try again
              </Button>
              {offerRestore && (
                <Button onClick={() => void restore.mutateAsync({ file: chosen })} loading={restore.isPending} disabled={!chosen}>
                  Restore this backup
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
