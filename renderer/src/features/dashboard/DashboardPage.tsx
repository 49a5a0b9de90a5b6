import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { ChartOrTable, type ChartView } from './ChartOrTable';
import { Link, useNavigate } from 'react-router';
import type { Dashboard } from '../../../../shared/api/dashboard';
import { lastDayOfMonth } from '../../../../shared/dates/calendar';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { AGE_BUCKET_LABELS, type AgeBucket } from '../../../../shared/reports/aged-debt';
import { countOf } from '../../../../shared/text/plural';
import { useApiQuery } from '../../api/hooks';
import { dateFormat, formatDate, formatMonth } from '../../components/dates';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { useInvoiceListStore } from '../../stores/invoice-list';
import { UpcomingInvoicesCard } from '../billing/UpcomingInvoicesCard';
import { WorkInProgressCard } from '../billing/WorkInProgressCard';
import { CashForecastCard } from './CashForecastCard';
import { PipelineCard } from './PipelineCard';
import { ProfitCard } from './ProfitCard';
import { UtilisationCard } from './UtilisationCard';
import { formatMoney, formatWholeMoney } from '../../components/format';
import { keepPreviousData } from '@tanstack/react-query';

/**
 * What a consultant checks on Monday: what she has invoiced and received month by month (the year
 * before alongside), who owes her and for how long, and the work not billed yet. Home currency,
 * each document at its own stored rate.
 */
export function DashboardPage() {
  const [months, setMonths] = useState<12 | 24>(12);
  // The client tables show the top clients until the user asks for all of them.
  const [allClients, setAllClients] = useState(false);
  const data = useApiQuery('reports.dashboard', { months, allClients }, { placeholderData: keepPreviousData });
  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={data.data ? `In ${data.data.homeCurrency}, each document at the exchange rate stored on it.` : undefined}
        actions={
          <SegmentedControl
            aria-label="Months shown"
            value={String(months)}
            onChange={(v) => setMonths(v === '24' ? 24 : 12)}
            data={[
              { value: '12', label: '12 months' },
              { value: '24', label: '24 months' },
            ]}
          />
        }
      />
      {data.error ? (
        <ErrorPanel error={data.error} />
      ) : (
        data.data && (
          <Stack gap="lg">
            <RevenueCard dashboard={data.data} />
            <AgedDebtCard dashboard={data.data} />
            <CashForecastCard dashboard={data.data} allClients={allClients} onAllClients={setAllClients} />
            <UtilisationCard dashboard={data.data} allClients={allClients} onAllClients={setAllClients} />
            <UpcomingInvoicesCard />
            <PipelineCard dashboard={data.data} />
            <ProfitCard />
            <WorkInProgressCard />
          </Stack>
        )
      )}
    </>
  );
}

const shortMonth = dateFormat({ month: 'short', year: 'numeric', timeZone: 'UTC' });

function RevenueCard({ dashboard }: { dashboard: Dashboard }) {
  const [view, setView] = useState<ChartView>('chart');
  const navigate = useNavigate();
  const home = dashboard.homeCurrency as CurrencyCode;
  const money = (minor: number) => formatMoney({ amount: minor, currency: home });
  // A month opens the invoice list filtered to it: the documents behind the bar.
  const openMonth = (month: string) => {
    useInvoiceListStore.setState({ status: 'all', clientId: null, kind: 'all', from: `${month}-01`, to: lastDayOfMonth(`${month}-01`) });
    void navigate('/invoices');
  };
  const rows = dashboard.revenue.map((m) => ({
    month: shortMonth.format(new Date(`${m.month}-01T00:00:00Z`)),
    key: m.month,
    Invoiced: m.invoiced,
    Received: m.received,
    'Invoiced a year earlier': m.invoicedYearBefore,
  }));
  return (
    <Card padding="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4">
            Revenue
          </Title>
          <Text size="sm" c="dimmed">
            Net invoiced (less credit notes) and payments received each month. Choose a month to see its invoices.
          </Text>
        </div>
        <ChartOrTable label="Revenue as" value={view} onChange={setView} />
      </Group>
      {dashboard.unvalued > 0 && (
        <Alert color="yellow" variant="light" mb="sm">
          {countOf(dashboard.unvalued, 'document or payment in another currency has', 'documents or payments in another currency have')} no {home} value yet and
          {dashboard.unvalued === 1 ? ' is' : ' are'} left out: open the invoice to add the rate or the amount that arrived.
        </Alert>
      )}
      {view === 'chart' ? (
        <BarChart
          h={260}
          data={rows}
          dataKey="month"
          withLegend
          valueFormatter={money}
          yAxisProps={{ tickFormatter: (v: number) => formatWholeMoney(v, home) }}
          series={[
            { name: 'Invoiced', color: 'indigo.6' },
            { name: 'Received', color: 'teal.6' },
            { name: 'Invoiced a year earlier', color: 'gray.5' },
          ]}
          barChartProps={{ onClick: (state: { activeLabel?: string | number }) => {
            const row = rows.find((r) => r.month === state.activeLabel);
            if (row) openMonth(row.key);
          } }}
        />
      ) : (
        <Table verticalSpacing={4} fz="sm" aria-label="Revenue by month">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Month</Table.Th>
              <Table.Th ta="right">Invoiced</Table.Th>
              <Table.Th ta="right">Received</Table.Th>
              <Table.Th ta="right">Invoiced a year earlier</Table.Th>
              <Table.Th ta="right">Received a year earlier</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.revenue.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => openMonth(m.month)}>
                    {formatMonth(`${m.month}-01`)}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right" className="tabular">{money(m.invoiced)}</Table.Td>
                <Table.Td ta="right" className="tabular">{money(m.received)}</Table.Td>
                <Table.Td ta="right" className="tabular">{money(m.invoicedYearBefore)}</Table.Td>
                <Table.Td ta="right" className="tabular">{money(m.receivedYearBefore)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function AgedDebtCard({ dashboard }: { dashboard: Dashboard }) {
  const [open, setOpen] = useState<AgeBucket | null>(null);
  const home = dashboard.homeCurrency as CurrencyCode;
  const owed = dashboard.agedDebt.buckets.reduce((sum, b) => sum + b.amount, 0);
  const shown = dashboard.agedDebt.invoices.filter((i) => open === null || i.bucket === open);
  const bucketCount = (bucket: AgeBucket) => dashboard.agedDebt.buckets.find((b) => b.bucket === bucket)?.count ?? 0;
  return (
    <Card padding="md">
      <Title order={2} size="h4">
        Outstanding: {formatMoney({ amount: owed, currency: home })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Issued invoices not yet paid, by how long they are past their due date. Choose an age to list its invoices.
      </Text>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" mb="sm">
        {dashboard.agedDebt.buckets.map((b) => (
          <UnstyledButton
            key={b.bucket}
            onClick={() => setOpen(open === b.bucket ? null : b.bucket)}
            aria-pressed={open === b.bucket}
            className="age-bucket"
            data-bucket={b.bucket}
            p="sm"
            style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, background: open === b.bucket ? 'var(--mantine-color-default-hover)' : undefined }}
          >
            <Text size="xs" c="dimmed">
              {AGE_BUCKET_LABELS[b.bucket]}
            </Text>
            <Text fw={700} className="tabular" c={b.bucket === '90+' && b.amount > 0 ? 'red.8' : undefined}>
              {formatMoney({ amount: b.amount, currency: home })}
            </Text>
            <Text size="xs" c="dimmed">
              {countOf(b.count, 'invoice', 'invoices')}
            </Text>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      {open !== null && shown.length < bucketCount(open) && (
        <Text size="sm" c="dimmed" mb="xs">
          The {shown.length} oldest of {bucketCount(open)} are listed.
        </Text>
      )}
      {shown.length > 0 && (
        <Table verticalSpacing={4} fz="sm" aria-label={open ? AGE_BUCKET_LABELS[open] : 'Outstanding invoices'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Invoice</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th ta="right">Days overdue</Table.Th>
              <Table.Th ta="right">Outstanding</Table.Th>
              <Table.Th ta="right">In {home}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/invoices/${i.id}`} size="sm">
                    {i.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{i.clientName}</Table.Td>
                <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                <Table.Td ta="right" className="tabular">{i.daysPastDue > 0 ? i.daysPastDue : '—'}</Table.Td>
                <Table.Td ta="right" className="tabular">{formatMoney({ amount: i.outstanding, currency: i.currency as CurrencyCode })}</Table.Td>
                <Table.Td ta="right" className="tabular">{i.homeOutstanding === null ? 'No rate' : formatMoney({ amount: i.homeOutstanding, currency: home })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
