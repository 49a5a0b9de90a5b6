import { Badge, Button, Card, Group, Select, SimpleGrid, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconReceipt } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { expenseFilter, type Expense, type ExpenseFilter, type ExpenseTotals } from '../../../../shared/api/expenses';
import { BILLING_STATE_LABELS, BILLING_STATES, billingStateLabel, CATEGORY_LABELS, EXPENSE_CATEGORIES, type BillingState } from '../../../../shared/expenses/rules';
import { useApiPages, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { PagedListCard } from '../../components/PagedListCard';
import { PageHeader } from '../../components/PageHeader';
import { WindowedTableBody } from '../../components/WindowedTableBody';
import { ExpenseModal } from './ExpenseModal';
import { ReceiptThumb } from './Receipts';
import { formatMoney, formatNumber } from '../../components/format';
import { DateField } from '../../components/DateField';

/** Every expense row is drawn this tall (px): a thumbnail and two lines of text. */
const ROW_HEIGHT = 67;

const BILLING_COLORS: Record<BillingState, string> = { 'not-rebillable': 'gray', unbilled: 'blue', draft: 'yellow', invoiced: 'teal' };

/** The filters as the user set them: dates as typed, so a half-typed one is shown at its field. */
interface Filters {
  from: string;
  to: string;
  contractId: string | null;
  category: string;
  rebillable: string;
  billing: string;
}
const NO_FILTERS: Filters = { from: '', to: '', contractId: null, category: 'all', rebillable: 'all', billing: 'all' };

/** Totals per currency over everything the filters match: amounts in different currencies are never added up. */
function CurrencyTotals({ totals }: { totals: ExpenseTotals }) {
  if (totals.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md" data-testid="expense-totals">
      {totals.map((t) => (
        <Card key={t.currency} padding="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t.currency} · {formatNumber(t.count)} expense{t.count === 1 ? '' : 's'}
          </Text>
          <Text fw={700} size="xl" className="tabular">
            {formatMoney({ amount: t.amountMinor, currency: t.currency })}
          </Text>
          <Text size="sm" c="dimmed" className="tabular">
            incl. {formatMoney({ amount: t.vatMinor, currency: t.currency })} VAT
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** One expense: opens it on click, or on Enter once tabbed to. Memoised, so scrolling draws only rows coming into view. */
const ExpenseRow = memo(function ExpenseRow({ expense, index, onOpen }: { expense: Expense; index: number; onOpen(expense: Expense): void }) {
  return (
    <Table.Tr
      className="clickable-row"
      tabIndex={0}
      onClick={() => onOpen(expense)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(expense)}
      data-index={index}
      style={{ height: ROW_HEIGHT }}
      data-testid="expense-row"
      aria-label={`${expense.supplier}, ${formatDate(expense.date)}`}
    >
      <Table.Td w={56}>
        <ReceiptThumb expense={expense} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDate(expense.date)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} truncate="end" maw={220}>
          {expense.supplier}
        </Text>
        <Text size="xs" c="dimmed" truncate="end" maw={220}>
          {expense.description}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{CATEGORY_LABELS[expense.category]}</Text>
      </Table.Td>
      <Table.Td>
        {expense.contract ? (
          <>
            <Text size="sm" truncate="end" maw={170}>
              {expense.contract.clientName}
            </Text>
            <Text size="xs" c="dimmed" truncate="end" maw={170}>
              {expense.contract.reference} · {expense.contract.title}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={BILLING_COLORS[expense.billing.state]} style={{ minWidth: 'max-content' }} data-testid="billing-state">
          {billingStateLabel(expense.billing.state, expense.billing.invoiceNumber)}
          {expense.rebillable && expense.billing.state !== 'invoiced' ? ` · ${expense.rebillKind}` : ''}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" fw={500}>
          {formatMoney({ amount: expense.amountMinor, currency: expense.currency })}
        </Text>
        {expense.vatMinor > 0 && (
          <Text size="xs" c="dimmed">
            VAT {formatMoney({ amount: expense.vatMinor, currency: expense.currency })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
});

/** The expenses `filter` matches, page by page as the user scrolls. */
function ExpenseList({ filter, filtered, onOpen, onNew }: { filter: ExpenseFilter; filtered: boolean; onOpen(expense: Expense): void; onNew(): void }) {
  const list = useApiPages('expenses.list', filter);
  return (
    <PagedListCard
      list={list}
      empty={
        <EmptyState
          icon={<IconReceipt size={24} />}
          title={filtered ? 'No expenses match these filters' : 'No expenses yet'}
          description={
            filtered
              ? 'Change or clear the filters above to see more.'
              : 'Log what you spend with its receipt: a train, a hotel, software. Mark it rebillable against a contract and the client pays it back on their invoice.'
          }
          action={filtered ? undefined : <Button onClick={onNew}>New expense</Button>}
        />
      }
    >
      {(rows) => (
        <Table.ScrollContainer minWidth={960} type="native">
          <Table highlightOnHover verticalSpacing="xs" horizontalSpacing="md" aria-label="Expenses" aria-busy={list.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <VisuallyHidden>Receipt</VisuallyHidden>
                </Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Supplier</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Contract</Table.Th>
                <Table.Th>Billing</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <WindowedTableBody
              rows={rows}
              rowKey={(e) => e.id}
              renderRow={(e, index) => <ExpenseRow expense={e} index={index} onOpen={onOpen} />}
              estimateSize={ROW_HEIGHT}
              columns={7}
              noun="expenses"
              loadMore={list.loadMore}
              loadingMore={list.isFetchingNextPage}
            />
          </Table>
        </Table.ScrollContainer>
      )}
    </PagedListCard>
  );
}

/** Expenses: what the business spent, with receipts, and which of it clients pay back. */
export function ExpensesPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [open, setOpen] = useState<Expense | 'new' | null>(null);
  const contracts = useApiQuery('contracts.list', {});
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  // Checked by the API's own schema: a half-typed date or a period out of order shows at its field, and the list keeps the last filter that holds.
  const checked = expenseFilter.safeParse({ ...filters, from: filters.from || null, to: filters.to || null, contractId: filters.contractId === null ? null : Number(filters.contractId) });
  const [filter, setFilter] = useState<ExpenseFilter>(() => checked.data ?? expenseFilter.parse(undefined));
  if (checked.success && JSON.stringify(checked.data) !== JSON.stringify(filter)) setFilter(checked.data);
  const errors = Object.fromEntries((checked.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
  const totals = useApiQuery('expenses.totals', filter, { placeholderData: keepPreviousData });
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <>
      <PageHeader
        title="Expenses"
        subtitle="What you spent, with receipts, and which of it your clients pay back."
        actions={
          <>
            {filtered && (
              <Button variant="default" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </Button>
            )}
            <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen('new')}>
              New expense
            </Button>
          </>
        }
      />
      <Group mb="md" gap="sm" align="flex-start">
        <DateField label="From" w={150} value={filters.from} error={errors.from} onChange={(value) => set({ from: value })} />
        <DateField label="To" w={150} value={filters.to} error={errors.to} onChange={(value) => set({ to: value })} />
        <Select
          label="Contract"
          w={230}
          clearable
          searchable
          placeholder="All contracts"
          value={filters.contractId}
          onChange={(v) => set({ contractId: v })}
          data={(contracts.data ?? []).map((c) => ({ value: String(c.id), label: `${c.reference} · ${c.clientName}` }))}
        />
        <Select
          label="Category"
          w={160}
          allowDeselect={false}
          value={filters.category}
          onChange={(v) => set({ category: v ?? 'all' })}
          data={[{ value: 'all', label: 'All categories' }, ...EXPENSE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
        />
        <Select
          label="Rebillable"
          w={140}
          allowDeselect={false}
          value={filters.rebillable}
          onChange={(v) => set({ rebillable: v ?? 'all' })}
          data={[
            { value: 'all', label: 'All' },
            { value: 'yes', label: 'Rebillable' },
            { value: 'no', label: 'Not rebillable' },
          ]}
        />
        <Select
          label="Billing"
          w={170}
          allowDeselect={false}
          value={filters.billing}
          onChange={(v) => set({ billing: v ?? 'all' })}
          data={[{ value: 'all', label: 'Any billing state' }, ...BILLING_STATES.map((s) => ({ value: s, label: BILLING_STATE_LABELS[s] }))]}
        />
      </Group>
      {totals.data && <CurrencyTotals totals={totals.data} />}
      <ExpenseList filter={filter} filtered={filtered} onOpen={setOpen} onNew={() => setOpen('new')} />
      {open !== null && <ExpenseModal key={open === 'new' ? 'new' : open.id} expense={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
    </>
  );
}
