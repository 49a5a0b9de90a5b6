import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDuration } from '../../../../shared/time/duration';
import { countOf } from '../../../../shared/text/plural';
import { useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatMoney } from '../../components/format';

/** Work in progress: every contract's unbilled billable time and rebillable expenses up to today, due or not. Hidden when there is none. */
export function WorkInProgressCard() {
  const wip = useApiQuery('billing.workInProgress', undefined);
  if (wip.isError) return <ErrorPanel error={wip.error} />;
  if (!wip.data || wip.data.length === 0) return null;
  return (
    <Card mt="xl" padding="md">
      <Title order={2} size="h4" mb={4}>
        Unbilled work
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Billable time and rebillable expenses not on any invoice yet, up to today, whether or not their period has ended.
      </Text>
      <Table.ScrollContainer minWidth={620} type="native">
        <Table verticalSpacing={6} fz="sm" aria-label="Unbilled work">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Contract</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th ta="right">Time</Table.Th>
              <Table.Th ta="right">Expenses</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {wip.data.map((row) => (
              <Table.Tr key={row.contractId}>
                <Table.Td>
                  <Anchor component={Link} to={`/contracts/${row.contractId}`} size="sm">
                    {row.reference}
                  </Anchor>{' '}
                  {row.title}
                </Table.Td>
                <Table.Td>{row.clientName}</Table.Td>
                <Table.Td ta="right">{row.entries === 0 ? '—' : `${formatDuration(row.seconds)} (${countOf(row.entries, 'entry', 'entries')})`}</Table.Td>
                <Table.Td ta="right">{row.expenses.length === 0 ? '—' : row.expenses.map((e) => `${formatMoney({ amount: e.amountMinor, currency: e.currency })} (${countOf(e.count, 'expense', 'expenses')})`).join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
