import { Card, Switch, Text } from '@mantine/core';
import type { Contract } from '../../../../shared/api/contracts';
import { useApiMutation } from '../../api/hooks';

/** Whether invoices the billing run drafts from this contract print the timesheet (date, hours, note) as an appendix. */
export function TimesheetAppendixCard({ contract }: { contract: Contract }) {
  const save = useApiMutation('contracts.setTimesheetAppendix');
  return (
    <Card mt="lg">
      <Switch
        label="Attach a timesheet to invoices"
        description="Invoices the billing run drafts from this contract print each time entry they bill (date, hours and note) on a page after the invoice."
        checked={contract.timesheetAppendix}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ id: contract.id, on: e.currentTarget.checked })}
      />
      {save.error && (
        <Text c="red" size="sm" mt="xs" role="alert">
          {save.error.message}
        </Text>
      )}
    </Card>
  );
}
