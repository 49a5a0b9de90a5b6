import { Alert, Button, Code, Group, List, Modal, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ExportJob } from '../../../../shared/api/invoices';
import { call } from '../../api/client';
import { useToday } from '../../components/dates';
import { ModalFooter } from '../../components/ModalFooter';
import { serverFieldErrors } from '../../forms/zod-form';
import type { FieldErrors } from '../../../../shared/api/errors';
import { DateField } from '../../components/DateField';

/** Exports every issued document in a period as PDFs, with progress, cancel and a summary. */
export function ExportModal({ onClose }: { onClose(): void }) {
  const today = useToday();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setInterval(() => {
      void call('exports.status', { jobId: job.jobId }).then(setJob, (e: Error) => setError(e.message));
    }, 200);
    return () => clearInterval(timer);
  }, [job]);

  const start = async () => {
    setError(null);
    setFieldErrors({});
    try {
      const started = await call('exports.start', { from, to });
      if (started.jobId) setJob(started);
    } catch (e) {
      // A bad period is said at its field ("The period ends before it starts"); anything else below.
      const fields = serverFieldErrors(e);
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) setError((e as Error).message);
    }
  };
  const percent = job && job.total > 0 ? Math.round(((job.written + job.failures.length) / job.total) * 100) : 0;

  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Export invoices as PDFs</Text>} size="lg">
      <Stack>
        {!job && (
          <>
            <Text size="sm" c="dimmed">
              Every invoice and credit note issued in the period is saved as a PDF in a folder you choose.
            </Text>
            <SimpleGrid cols={2}>
              <DateField label="From" value={from} onChange={(value) => setFrom(value)} error={fieldErrors.from} />
              <DateField label="To" value={to} onChange={(value) => setTo(value)} error={fieldErrors.to} />
            </SimpleGrid>
          </>
        )}
        {job && (
          <Stack gap={6} data-testid="export-progress">
            <Progress value={percent} animated={job.state === 'running'} aria-label="Export progress" />
            <Text size="sm">
              {job.state === 'running' && `Writing ${job.written + job.failures.length + 1} of ${job.total}…`}
              {job.state === 'done' && `Done: ${job.written} of ${job.total} PDF${job.total === 1 ? '' : 's'} written.`}
              {job.state === 'cancelled' && `Cancelled after ${job.written} of ${job.total} PDFs.`}
            </Text>
            {job.state !== 'running' && (
              <Text size="xs" c="dimmed">
                Folder: <Code>{job.folder}</Code>
              </Text>
            )}
            {job.failures.length > 0 && (
              <Alert color="red" variant="light" title={`${job.failures.length} could not be written`}>
                <List size="sm">
                  {job.failures.map((f) => (
                    <List.Item key={f.number}>
                      {f.number}: {f.reason}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
        )}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        {job ? (
          <Group justify="flex-end">
            {job.state === 'running' ? (
              <Button color="red" variant="light" onClick={() => void call('exports.cancel', { jobId: job.jobId }).then(setJob)}>
                Cancel export
              </Button>
            ) : (
              <Button onClick={onClose}>Close</Button>
            )}
          </Group>
        ) : (
          <ModalFooter action="Choose folder and export" onCancel={onClose} onAction={() => void start()} />
        )}
      </Stack>
    </Modal>
  );
}
