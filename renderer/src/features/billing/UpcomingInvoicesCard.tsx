import { Anchor, Badge, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { UPCOMING_INVOICE_DAYS } from '../../../../shared/api/billing';
import { formatMoney } from '../../components/format';
import { countOf } from '../../../../shared/text/plural';
import { formatDuration } from '../../../../shared/time/duration';
import { useApiQuery } from '../../api/hooks';
import { formatDate, useToday } from '../../components/dates';
import { ErrorPanel } from '../../components/ErrorPanel';

/** Each contract's next invoice from its billing cycle (due now, or within the days ahead), priced from the work so far. */
export function UpcomingInvoicesCard() {
  const upcoming = useApiQuery('billing.upcoming', undefined);
  const today = useToday();
  if (upcoming.isError) return <ErrorPanel error={upcoming.error} />;
  if (!upcoming.data) return null;
  return (
    <Card padding="md">
      <Title order={2} size="h4" mb={4}>
        Upcoming invoices
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The next invoice of each contract billed by a cycle, due now or within {UPCOMING_INVOICE_DAYS} days, priced from the work logged so far.{' '}
        <Anchor component={Link} to="/billing" size="sm">
          Open the billing run
        </Anchor>
      </Text>
      {upcoming.data.length === 0 ? (
        <Text size="sm">No contract has a billing date in the next {UPCOMING_INVOICE_DAYS} days.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing={6} fz="sm" aria-label="Upcoming invoices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Billing date</Table.Th>
                <Table.Th>Contract</Table.Th>
                <Table.Th>Client</Table.Th>
                <Table.Th ta="right">Work so far</Table.Th>
                <Table.Th ta="right">Net so far</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {upcoming.data.map((plan) => (
                <Table.Tr key={plan.contractId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(plan.period.end)}{' '}
                    {plan.period.end <= today && (
                      <Badge color="orange" variant="light" size="sm">
                        Due now
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/contracts/${plan.contractId}`} size="sm">
                      {plan.reference}
                    </Anchor>{' '}
                    {plan.title}
                  </Table.Td>
                  <Table.Td>{plan.clientName}</Table.Td>
                  <Table.Td ta="right">{plan.entryCount === 0 ? '—' : `${formatDuration(plan.rawSeconds)} (${countOf(plan.entryCount, 'entry', 'entries')})`}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney({ amount: plan.netMinor, currency: plan.currency })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
