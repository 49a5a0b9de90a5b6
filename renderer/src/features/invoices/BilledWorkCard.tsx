import { Anchor, Card, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Invoice } from '../../../../shared/api/invoices';
import { countOf } from '../../../../shared/text/plural';
import { formatDuration } from '../../../../shared/time/duration';
import { formatDate } from '../../components/dates';

/**
 * The tracked work this invoice bills: time entries (raw hours) and expenses, and the days they
 * span; on a draft, that deleting it (or a line) releases them for the next billing run. Hidden
 * when the lines were typed by hand.
 */
export function BilledWorkCard({ invoice }: { invoice: Invoice }) {
  const work = invoice.billedWork;
  if (!work) return null;
  const parts = [work.timeEntries > 0 && `${countOf(work.timeEntries, 'time entry', 'time entries')} (${formatDuration(work.seconds)} worked)`, work.expenses > 0 && countOf(work.expenses, 'expense', 'expenses')].filter(Boolean);
  return (
    <Card data-testid="billed-work">
      <Title order={2} size="h5" mb="xs">
        Billed work
      </Title>
      <Text size="sm">
        Bills {parts.join(' and ')} from {formatDate(work.from)} to {formatDate(work.to)}.
      </Text>
      {invoice.timesheetAppendix && work.timeEntries > 0 && (
        <Text size="sm" c="dimmed" mt={4}>
          The PDF attaches a timesheet of these entries.
        </Text>
      )}
      {invoice.status === 'draft' && (
        <Text size="sm" c="dimmed" mt={4}>
          Deleting this draft releases that work for the next <Anchor component={Link} to="/billing" size="sm">billing run</Anchor>; deleting a line releases the entries or expenses that line bills.
        </Text>
      )}
    </Card>
  );
}
