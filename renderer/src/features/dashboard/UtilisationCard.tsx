import { BarChart } from '@mantine/charts';
import { Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { Dashboard } from '../../../../shared/api/dashboard';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { formatDuration } from '../../../../shared/time/duration';
import { formatDate } from '../../components/dates';
import { formatMoney, formatNumber } from '../../components/format';
import { AllClientsToggle } from './AllClientsToggle';

const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;

/** Billable hours per week against the capacity the user set, and what each client's hours earn. */
export function UtilisationCard({ dashboard, allClients, onAllClients }: { dashboard: Dashboard; allClients: boolean; onAllClients(all: boolean): void }) {
  const { capacityHoursPerWeek, weeks } = dashboard.utilisation;
  const billable = weeks.reduce((sum, w) => sum + w.billableSeconds, 0);
  const percent = Math.round((billable / (capacityHoursPerWeek * 3600 * weeks.length)) * 100);
  const rows = weeks.map((w) => ({ week: formatDate(w.weekStart), Billable: hours(w.billableSeconds), 'Not billable': hours(w.seconds - w.billableSeconds) }));
  const home = dashboard.homeCurrency as CurrencyCode;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Card padding="md">
        <Title order={2} size="h4">
          Utilisation: {percent}%
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Billable hours over the last {weeks.length} weeks against the {capacityHoursPerWeek} a week you aim for (Time → Settings).
        </Text>
        <BarChart
          h={200}
          data={rows}
          dataKey="week"
          type="stacked"
          withLegend
          valueFormatter={(v) => `${formatNumber(v)} h`}
          referenceLines={[{ y: capacityHoursPerWeek, color: 'red.6', label: `${capacityHoursPerWeek} h` }]}
          series={[
            { name: 'Billable', color: 'indigo.6' },
            { name: 'Not billable', color: 'gray.5' },
          ]}
        />
      </Card>
      <Card padding="md">
        <Title order={2} size="h4">
          Effective hourly rate
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Fees invoiced to each client over the months shown, divided by every hour worked for them, billable or not; highest fees first.
        </Text>
        {dashboard.effectiveRates.length === 0 ? (
          <Text size="sm" c="dimmed">
            No fees or time in these months.
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm" aria-label="Effective hourly rate by client">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Client</Table.Th>
                <Table.Th ta="right">Fees</Table.Th>
                <Table.Th ta="right">Hours worked</Table.Th>
                <Table.Th ta="right">Per hour</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dashboard.effectiveRates.map((r) => (
                <Table.Tr key={r.clientId}>
                  <Table.Td>{r.clientName}</Table.Td>
                  <Table.Td ta="right" className="tabular">{formatMoney({ amount: r.fees, currency: home })}</Table.Td>
                  <Table.Td ta="right" className="tabular">{formatDuration(r.seconds)}</Table.Td>
                  <Table.Td ta="right" className="tabular" fw={600}>{r.perHour === null ? '—' : formatMoney({ amount: r.perHour, currency: home })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <AllClientsToggle count={dashboard.effectiveRatesCount} allClients={allClients} onAllClients={onAllClients} />
      </Card>
    </SimpleGrid>
  );
}
