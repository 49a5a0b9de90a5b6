import { Button, Group, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { activityInput, LOGGED_ACTIVITY_KINDS } from '../../../../shared/api/leads';
import type { ApiCallError } from '../../api/client';
import { FormError } from '../../components/FormError';
import { fieldMaxLength } from '../../forms/max-length';
import { serverFieldErrors, zodValidate } from '../../forms/zod-form';

export type LoggedKind = (typeof LOGGED_ACTIVITY_KINDS)[number];

export const LOGGED_KIND_LABELS: Record<LoggedKind, string> = { note: 'Note', call: 'Call', email: 'Email', meeting: 'Meeting' };

interface LogMutation<T> {
  mutateAsync(input: T): Promise<unknown>;
  isPending: boolean;
  error: ApiCallError | null;
}

/**
 * Logs a note, call, email or meeting on a lead or a client: `toInput` adds whose it is, `log` is
 * that record's mutation (`leads.logActivity` or `clients.logActivity`). Validated by the same
 * `activityInput` the API uses; cleared once logged.
 */
export function LogActivityForm<T>({ log, toInput, notePlaceholder }: { log: LogMutation<T>; toInput: (values: { kind: LoggedKind; body: string }) => T; notePlaceholder: string }) {
  const form = useForm<{ kind: LoggedKind; body: string }>({ initialValues: { kind: 'note', body: '' }, validate: zodValidate(activityInput, toInput) });
  const submit = form.onSubmit(async (values) => {
    try {
      await log.mutateAsync(toInput(values));
      form.reset();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
    }
  });
  const label = LOGGED_KIND_LABELS[form.values.kind].toLowerCase();
  return (
    <form onSubmit={submit} noValidate aria-label="Log activity">
      <Stack gap="xs" mb="lg">
        <SegmentedControl aria-label="What happened" size="xs" data={LOGGED_ACTIVITY_KINDS.map((k) => ({ value: k, label: LOGGED_KIND_LABELS[k] }))} {...form.getInputProps('kind')} />
        <Textarea aria-label="What happened" placeholder={form.values.kind === 'note' ? notePlaceholder : `What was said in the ${label}`} autosize minRows={2} maxRows={8} maxLength={fieldMaxLength(activityInput, 'body')} {...form.getInputProps('body')} />
        <FormError error={log.error} />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={log.isPending}>
            Log {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
