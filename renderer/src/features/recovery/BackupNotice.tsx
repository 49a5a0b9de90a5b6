import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useApiQuery } from '../../api/hooks';

/** Reports a failed automatic backup above every page; the app keeps working and retries it. */
export function BackupNotice() {
  const status = useApiQuery('app.status');
  const problem = status.data?.state === 'ready' ? status.data.backupProblem : null;
  if (!problem) return null;
  return (
    <Alert color="yellow" variant="light" title="Backup failed" icon={<IconAlertTriangle size={18} />} mb="md" role="status">
      {problem}
    </Alert>
  );
}
