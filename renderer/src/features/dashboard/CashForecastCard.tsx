import { BarChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ChartOrTable, type ChartView } from './ChartOrTable';
import type { Dashboard } from '../../../../shared/api/dashboard';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { formatDate } from '../../components/dates';
import { formatMoney, formatWholeMoney } from '../../components/format';
import { AllClientsToggle } from './AllClientsToggle';

/** The next 90 days' expected receipts week by week, and each client's payment habit behind them. */
export function CashForecastCard({ dashboard, allClients, onAllClients }: { dashboard: Dashboard; allClients: boolean; onAllClients(all: boolean): void }) {
  const [view, setView] = useState<ChartView>('chart');
  const home = dashboard.homeCurrency as CurrencyCode;
  const money = (minor: number) => formatMoney({ amount: minor, currency: home });
  const total = dashboard.cashForecast.reduce((sum, w) => sum + w.amount, 0);
  const rows = dashboard.cashForecast.map((w) => ({ week: formatDate(w.weekStart), Expected: w.amount }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Card padding="md">
        <Group justify="space-between" align="flex-start" mb="sm">
          <div>
            <Title order={2} size="h4">
              Cash expected in 90 days: {money(total)}
            </Title>
            <Text size="sm" c="dimmed">
              Open invoices by week, each at its due date plus how late its client usually pays; overdue ones this week.
            </Text>
          </div>
          <ChartOrTable label="Forecast as" value={view} onChange={setView} />
        </Group>
        {view === 'chart' ? (
          <BarChart h={200} data={rows} dataKey="week" valueFormatter={money} yAxisProps={{ tickFormatter: (v: number) => formatWholeMoney(v, home) }} series={[{ name: 'Expected', color: 'teal.6' }]} />
        ) : (
          <Table verticalSpacing={4} fz="sm" aria-label="Cash expected by week">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Week from</Table.Th>
                <Table.Th ta="right">Invoices</Table.Th>
                <Table.Th ta="right">Expected</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dashboard.cashForecast.map((w) => (
                <Table.Tr key={w.weekStart}>
                  <Table.Td>{formatDate(w.weekStart)}</Table.Td>
                  <Table.Td ta="right" className="tabular">{w.count}</Table.Td>
                  <Table.Td ta="right" className="tabular">{money(w.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card padding="md">
        <Title order={2} size="h4">
          How clients pay
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Over each client’s invoices paid in full: average days from issue to payment, and past the due date; latest payers first.
        </Text>
        {dashboard.paymentHabits.length === 0 ? (
          <Text size="sm" c="dimmed">
            No invoice has been paid in full yet.
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm" aria-label="Days to pay by client">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Client</Table.Th>
                <Table.Th ta="right">Paid invoices</Table.Th>
                <Table.Th ta="right">Days to pay</Table.Th>
                <Table.Th ta="right">Days late</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dashboard.paymentHabits.map((h) => (
                <Table.Tr key={h.clientId}>
                  <Table.Td>{h.clientName}</Table.Td>
                  <Table.Td ta="right" className="tabular">{h.paidCount}</Table.Td>
                  <Table.Td ta="right" className="tabular">{h.avgDaysToPay}</Table.Td>
                  <Table.Td ta="right" className="tabular">{h.avgDaysLate > 0 ? h.avgDaysLate : 'On time'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <AllClientsToggle count={dashboard.paymentHabitsCount} allClients={allClients} onAllClients={onAllClients} />
      </Card>
    </SimpleGrid>
  );
}
