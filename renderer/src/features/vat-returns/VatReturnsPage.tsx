import { Alert, Anchor, Badge, Button, Card, Table, Text } from '@mantine/core';
import { IconReceiptTax, IconSettings, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CallOutput } from '../../../../shared/api/contract';
import { useApiQuery } from '../../api/hooks';
import { formatDate, useToday } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { useOpenRow } from '../../components/useOpenRow';
import { netText } from './vat-return-text';
import { VatReturnSettingsModal } from './VatReturnSettingsModal';

type Period = CallOutput<'vatReturns.periods'>[number];

/**
 * VAT returns: every return period from the VAT registration date to today's, newest first, with
 * its deadline, state and box 5. Open returns are computed live from issued documents, payments
 * and expenses; finalised ones show what was declared.
 */
export function VatReturnsPage() {
  const periods = useApiQuery('vatReturns.periods', undefined, { retry: false });
  const profile = useApiQuery('profile.get');
  const [settingsOpen, setSettingsOpen] = useState(false);
  // CONFLICT says what is missing: the return settings (set up here) or the profile's VAT registration.
  const conflict = periods.error?.code === 'CONFLICT' ? periods.error.message : null;
  const profileProblem = conflict !== null && !conflict.includes('VAT return settings');

  return (
    <>
      <PageHeader
        title="VAT returns"
        subtitle="Your UK VAT returns, worked out from issued invoices, credit notes, payments and expenses in sterling. Finalise each one once you have filed it with HMRC."
        actions={
          <>
            <Button component={Link} to="/vat-returns/summary" variant="default" leftSection={<IconWorld size={16} />}>
              VAT summary and EC Sales List
            </Button>
            {!profileProblem && (
              <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setSettingsOpen(true)}>
                Return settings
              </Button>
            )}
          </>
        }
      />
      {profileProblem ? (
        <Alert color="yellow" title="No VAT return to make" role="status">
          {conflict}{' '}
          <Anchor component={Link} to="/settings/profile" size="sm">
            Open the business profile
          </Anchor>
        </Alert>
      ) : conflict ? (
        <Card>
          <EmptyState
            icon={<IconReceiptTax size={24} />}
            title="Set up your VAT returns"
            description={conflict}
            action={<Button onClick={() => setSettingsOpen(true)}>Set up VAT returns</Button>}
          />
        </Card>
      ) : periods.error ? (
        <ErrorPanel error={periods.error} />
      ) : (
        periods.data && <PeriodsTable periods={periods.data} />
      )}
      {settingsOpen && <VatReturnSettingsModal flatRate={profile.data?.vatScheme === 'flat-rate'} onClose={() => setSettingsOpen(false)} />}
    </>
  );
}

function PeriodsTable({ periods }: { periods: Period[] }) {
  return (
    <Card padding={0}>
      <Table verticalSpacing={8} highlightOnHover data-testid="vat-periods">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Period</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Net VAT (box 5)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((p) => (
            <PeriodRow key={p.start} period={p} />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function PeriodRow({ period }: { period: Period }) {
  const today = useToday();
  const row = useOpenRow(`/vat-returns/${period.start}`);
  return (
    <Table.Tr {...row} aria-label={`VAT return ${formatDate(period.start)} to ${formatDate(period.end)}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {formatDate(period.start)} – {formatDate(period.end)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(period.dueDate)}</Text>
      </Table.Td>
      <Table.Td>
        <PeriodBadge period={period} today={today} />
      </Table.Td>
      <Table.Td ta="right" className="tabular">
        <Text size="sm" fw={500}>
          {netText(period.box5, period.direction)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Finalised with its period key; open ones say whether they can be finalised yet or are late. */
export function PeriodBadge({ period, today }: { period: Pick<Period, 'end' | 'dueDate' | 'state' | 'periodKey'>; today: string }) {
  if (period.state === 'finalised') {
    return (
      <Badge color="teal" variant="light">
        Finalised · {period.periodKey}
      </Badge>
    );
  }
  if (period.end >= today) return <Badge color="gray" variant="light">In progress</Badge>;
  if (period.dueDate < today) return <Badge color="red" variant="filled">Overdue</Badge>;
  return (
    <Badge color="blue" variant="light">
      Ready to file
    </Badge>
  );
}
