import { Alert, Button, Card, Center, Code, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import type { AppStatus } from '../../../../shared/api/app';
import { useApiMutation } from '../../api/hooks';

type Failed = Extract<AppStatus, { state: 'failed' }>;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Shown instead of the app when the data file is damaged or missing; never starts fresh silently. */
export function RecoveryScreen({ status }: { status: Failed }) {
  const [chosen, setChosen] = useState(status.backups[0]?.file ?? '');
  const restore = useApiMutation('app.restoreBackup');
  const fresh = useApiMutation('app.startFresh');
  const confirmFresh = () =>
    modals.openConfirmModal({
      title: 'Start with an empty data file?',
      children: <Text size="sm">Your old file stays in the quarantine folder, but Billable will not show any of its clients or invoices.</Text>,
      labels: { confirm: 'Start empty', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => void fresh.mutateAsync(undefined),
    });

  return (
    <Center mih="100%" p="xl" data-app-state="recovery">
      <Card maw={640} w="100%" padding="xl" shadow="sm">
        <Stack gap="md">
          <Group gap="sm">
            <IconDatabaseExclamation size={28} color="var(--mantine-color-red-6)" />
            <Title order={2}>Your data needs attention</Title>
          </Group>
          <Text>{status.message}</Text>
          {status.quarantinedTo && (
            <Text size="sm" c="dimmed">
              The damaged file was moved to <Code>{status.quarantinedTo}</Code>.
            </Text>
          )}
          {status.backups.length > 0 ? (
            <Radio.Group label="Verified backups" value={chosen} onChange={setChosen}>
              <Stack gap="xs" mt="xs">
                {status.backups.slice(0, 8).map((backup) => (
                  <Radio key={backup.file} value={backup.file} label={`${dateTime.format(new Date(backup.createdAt))} · ${(backup.sizeBytes / 1024).toFixed(0)} KB`} description={backup.file} />
                ))}
              </Stack>
            </Radio.Group>
          ) : (
            <Alert color="yellow" variant="light">
              No backups were found in <Code>{status.dataDir}</Code>.
            </Alert>
          )}
          {(restore.error ?? fresh.error) && (
            <Text c="red" size="sm" role="alert">
              {(restore.error ?? fresh.error)?.message}
            </Text>
          )}
          <Group justify="space-between" mt="sm">
            <Button variant="subtle" color="red" onClick={confirmFresh} loading={fresh.isPending}>
              Start with an empty file
            </Button>
            {status.backups.length > 0 && (
              <Button onClick={() => void restore.mutateAsync({ file: chosen })} loading={restore.isPending} disabled={!chosen}>
                Restore this backup
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
