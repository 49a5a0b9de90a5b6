import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CallOutput } from '../../../../shared/api/contract';
import type { DueInvoice } from '../../../../shared/api/billing';
import { TIME_GROUPING_LABELS, TIME_GROUPINGS, type TimeGrouping } from '../../../../shared/billing/price-work';
import { countOf } from '../../../../shared/text/plural';
import { formatDuration } from '../../../../shared/time/duration';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { WorkInProgressCard } from './WorkInProgressCard';
import { formatMoney, formatQuantity, formatUnitPrice } from '../../components/format';

const BURN_COLOR = { ok: 'teal', warning: 'yellow', over: 'red' } as const;

/**
 * The billing run: every signed or active contract whose billing period has ended (or ends
 * within three days), with the invoice it would get, line by line. One click drafts the chosen
 * ones in one transaction; nothing is issued.
 */
export function BillingRunPage() {
  const [grouping, setGrouping] = useState<TimeGrouping>('period');
  const due = useApiQuery('billing.due', { grouping });
  const run = useApiMutation('billing.run');
  // Everything that can be drafted is chosen unless the user unticks it, so the choice follows the list as it refreshes.
  const [unticked, setUnticked] = useState<ReadonlySet<number>>(new Set());
  const [result, setResult] = useState<CallOutput<'billing.run'> | null>(null);
  const chosen = useMemo(() => new Set((due.data ?? []).filter((d) => d.problem === null && !unticked.has(d.contractId)).map((d) => d.contractId)), [due.data, unticked]);

  const toggle = (id: number, on: boolean) => setUnticked((current) => new Set(on ? [...current].filter((c) => c !== id) : [...current, id]));
  const draft = () => {
    setResult(null);
    run.mutate({ contractIds: [...chosen], grouping }, { onSuccess: setResult });
  };

  return (
    <>
      <PageHeader
        title="Billing run"
        subtitle="Contracts whose billing period has ended or ends within 3 days, with the invoice each would get. Drafting issues nothing: check each draft, then issue it."
        actions={
          <Button onClick={draft} disabled={chosen.size === 0} loading={run.isPending}>
            {chosen.size === 0 ? 'Draft invoices' : `Draft ${countOf(chosen.size, 'invoice', 'invoices')}`}
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <Select
          label="Group time on each invoice"
          w={260}
          allowDeselect={false}
          data={TIME_GROUPINGS.map((g) => ({ value: g, label: TIME_GROUPING_LABELS[g] }))}
          value={grouping}
          onChange={(v) => v && setGrouping(v as TimeGrouping)}
        />
      </Group>
      {run.error && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />} mb="md" title="Nothing was drafted" role="alert">
          {run.error.message}
        </Alert>
      )}
      {result && <RunResult result={result} />}
      {due.isError ? (
        <ErrorPanel error={due.error} />
      ) : due.data?.length === 0 ? (
        <Card>
          <EmptyState
            icon={<IconCalendarDue size={24} />}
            title="Nothing is due"
            description="A signed or active contract appears here when its billing period ends, with its unbilled time, expenses and retainer fee priced."
            action={
              <Button component={Link} to="/contracts" variant="default">
                See contracts
              </Button>
            }
          />
        </Card>
      ) : (
        <Stack gap="md">
          {(due.data ?? []).map((invoice) => (
            <DueCard key={invoice.contractId} invoice={invoice} chosen={chosen.has(invoice.contractId)} onToggle={(on) => toggle(invoice.contractId, on)} />
          ))}
        </Stack>
      )}
      <WorkInProgressCard />
    </>
  );
}

function DueCard({ invoice, chosen, onToggle }: { invoice: DueInvoice; chosen: boolean; onToggle: (on: boolean) => void }) {
  const money = (amount: number) => formatMoney({ amount, currency: invoice.currency });
  const label = `${invoice.clientName}: ${invoice.reference} ${invoice.title}`;
  return (
    <Card withBorder padding="md" aria-label={label}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Group align="flex-start" wrap="nowrap" gap="sm">
          <Checkbox mt={4} checked={chosen} disabled={invoice.problem !== null} onChange={(e) => onToggle(e.currentTarget.checked)} aria-label={`Draft the invoice for ${label}`} />
          <div>
            <Text fw={600}>{invoice.clientName}</Text>
            <Text size="sm" c="dimmed">
              <Anchor component={Link} to={`/contracts/${invoice.contractId}`} size="sm">
                {invoice.reference}
              </Anchor>{' '}
              {invoice.title} · {formatDate(invoice.supply.start)} – {formatDate(invoice.supply.end)}
            </Text>
          </div>
        </Group>
        <Stack gap={2} align="flex-end">
          <Text fw={600} size="lg">
            {money(invoice.netMinor)}
          </Text>
          <Text size="xs" c="dimmed">
            net, before VAT
          </Text>
        </Stack>
      </Group>
      <Group gap="lg" mb="sm">
        <Figure label="Time" value={invoice.entryCount === 0 ? 'None unbilled' : `${formatDuration(invoice.rawSeconds)} worked${invoice.billedSeconds === invoice.rawSeconds ? '' : ` · ${formatDuration(invoice.billedSeconds)} billed after rounding`} (${countOf(invoice.entryCount, 'entry', 'entries')})`} />
        <Figure label="Expenses" value={invoice.expenseCount === 0 ? 'None to rebill' : `${countOf(invoice.expenseCount, 'expense', 'expenses')} to rebill`} />
        {invoice.burn && (
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {invoice.burn.kind === 'budget' ? 'Budget after this invoice' : 'Retainer this month'}
            </Text>
            <Badge variant="light" color={BURN_COLOR[invoice.burn.level]} tt="none">
              {invoice.burn.text}
            </Badge>
          </div>
        )}
      </Group>
      {invoice.problem && (
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} mb="sm" title="Can't be drafted yet">
          {invoice.problem}
        </Alert>
      )}
      {invoice.lines.length > 0 && (
        <Table.ScrollContainer minWidth={620} type="native">
          <Table verticalSpacing={6} fz="sm" aria-label={`Lines for ${label}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
                <Table.Th ta="right">Unit price</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((line, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{line.description}</Table.Td>
                  <Table.Td ta="right">{formatQuantity(line.quantity, line.unit)}</Table.Td>
                  <Table.Td ta="right">{formatUnitPrice(line.unitPrice, invoice.currency)}</Table.Td>
                  <Table.Td ta="right">{money(line.amountMinor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function RunResult({ result }: { result: CallOutput<'billing.run'> }) {
  const n = result.drafts.length;
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={16} />} mb="md" title={`${countOf(n, 'draft', 'drafts')} ready to check and issue`} role="status">
      <Stack gap={4}>
        {result.drafts.map((d) => (
          <Group key={d.invoiceId} gap="xs">
            <Anchor component={Link} to={`/invoices/${d.invoiceId}`}>
              {d.clientName}, {d.reference}: {formatMoney({ amount: d.netMinor, currency: d.currency })}
            </Anchor>
            {d.burn && (
              <Badge variant="light" color={BURN_COLOR[d.burn.level]} tt="none">
                {d.burn.text}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
