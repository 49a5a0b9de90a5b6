import { Alert, Card, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { addDays, addMonths, lastDayOfMonth } from '../../../../shared/dates/calendar';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { countOf } from '../../../../shared/text/plural';
import { useApiQuery } from '../../api/hooks';
import { dateFormat, formatDate, useToday } from '../../components/dates';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useYearEndStore } from '../../stores/year-end';
import { formatMoney } from '../../components/format';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: dateFormat({ month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, i, 1))) }));

/** The UK tax year (6 April to 5 April) that `today` falls in, or `back` years before it. */
function taxYear(today: string, back: number): { from: string; to: string } {
  const start = Number(today.slice(0, 4)) - (today.slice(5) < '04-06' ? 1 : 0) - back;
  return { from: `${start}-04-06`, to: `${start + 1}-04-05` };
}

/** The accounting year ending in month `endMonth` that `today` falls in, or `back` years before it. */
function accountingYear(today: string, endMonth: number, back: number): { from: string; to: string } {
  let end = lastDayOfMonth(`${today.slice(0, 4)}-${String(endMonth).padStart(2, '0')}-01`);
  if (end < today) end = lastDayOfMonth(addMonths(end, 12));
  end = lastDayOfMonth(addMonths(end, -12 * back));
  return { from: addDays(lastDayOfMonth(addMonths(end, -12)), 1), to: end };
}

/** Profit for this or last UK tax year or accounting year: fees, rebilled expenses, costs. */
export function ProfitCard() {
  const today = useToday();
  const { accountingYearEndMonth, setAccountingYearEndMonth } = useYearEndStore();
  const [kind, setKind] = useState<'tax' | 'accounting'>('tax');
  const [back, setBack] = useState(0);
  const range = kind === 'tax' ? taxYear(today, back) : accountingYear(today, accountingYearEndMonth, back);
  const profit = useApiQuery('reports.profit', range);
  const p = profit.data;
  const money = (minor: number) => formatMoney({ amount: minor, currency: (p?.homeCurrency ?? 'GBP') as CurrencyCode });
  return (
    <Card padding="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h4">
            Profit
          </Title>
          <Text size="sm" c="dimmed">
            {formatDate(range.from)} to {formatDate(range.to)}
            {range.to > today ? ', so far' : ''}. Invoices by issue date, net of VAT; expenses net of VAT you reclaim.
          </Text>
        </div>
        <Stack gap="xs" align="flex-end">
          <SegmentedControl
            size="xs"
            aria-label="Year"
            value={kind}
            onChange={(v) => setKind(v === 'accounting' ? 'accounting' : 'tax')}
            data={[
              { value: 'tax', label: 'UK tax year' },
              { value: 'accounting', label: 'Accounting year' },
            ]}
          />
          <Group gap="xs">
            {kind === 'accounting' && (
              <Select
                size="xs"
                w={150}
                label="Year ends in"
                allowDeselect={false}
                data={MONTHS}
                value={String(accountingYearEndMonth)}
                onChange={(v) => v && setAccountingYearEndMonth(Number(v))}
              />
            )}
            <SegmentedControl
              size="xs"
              aria-label="Which year"
              value={String(back)}
              onChange={(v) => setBack(Number(v))}
              data={[
                { value: '0', label: 'This year' },
                { value: '1', label: 'Last year' },
              ]}
            />
          </Group>
        </Stack>
      </Group>
      {profit.error && <ErrorPanel error={profit.error} />}
      {p && p.unvalued > 0 && (
        <Alert color="yellow" variant="light" mb="sm">
          {countOf(p.unvalued, 'record in another currency has', 'records in another currency have')} no {p.homeCurrency} value and {p.unvalued === 1 ? 'is' : 'are'} left out:
          add the exchange rates for their dates.
        </Alert>
      )}
      {p && (
        <Table verticalSpacing={4} fz="sm" aria-label="Profit">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>Fees invoiced, less credit notes</Table.Td>
              <Table.Td ta="right" className="tabular" data-testid="profit-fees">{money(p.fees)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>Expenses rebilled to clients</Table.Td>
              <Table.Td ta="right" className="tabular">{money(p.rebilledIncome)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>Expenses paid for clients</Table.Td>
              <Table.Td ta="right" className="tabular">{money(-p.rebillableCosts)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>Your own expenses</Table.Td>
              <Table.Td ta="right" className="tabular">{money(-p.ownCosts)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td fw={700}>Profit before tax</Table.Td>
              <Table.Td ta="right" fw={700} className="tabular" data-testid="profit-total">{money(p.profit)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
