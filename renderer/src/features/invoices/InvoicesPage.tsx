import { Button, Card, Group, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { SCREEN_SEARCH } from '../../app/shortcuts';
import { IconFileExport, IconFileInvoice, IconPlus, IconTable } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { keepPreviousData } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api/contract';
import { invoiceFilter, type InvoiceTotals } from '../../../../shared/api/invoices';
import { INVOICE_STATUSES, STATUS_LABELS, type InvoiceStatus } from '../../../../shared/invoice/status';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { useApiPages, useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { PagedListCard } from '../../components/PagedListCard';
import { PageHeader } from '../../components/PageHeader';
import { useInvoiceListStore } from '../../stores/invoice-list';
import { WindowedTableBody } from '../../components/WindowedTableBody';
import { ClientSelect } from '../clients/ClientSelect';
import { AccountantExportModal } from '../reports/AccountantExportModal';
import { ExportModal } from './ExportModal';
import { InvoiceRow } from './InvoiceRows';
import { formatMoney, formatNumber } from '../../components/format';
import { DateField } from '../../components/DateField';

const money = (amount: number, currency: CurrencyCode) => formatMoney({ amount, currency });

/** Every invoice row is one line of text, drawn this tall (px), so the list need not measure rows as they scroll in. */
const INVOICE_ROW_HEIGHT = 45;

/** Totals and outstanding per currency, over everything the filters match: amounts in different currencies are never added up. */
function CurrencyTotals({ totals }: { totals: InvoiceTotals }) {
  if (totals.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md" data-testid="currency-totals">
      {totals.map((t) => (
        <Card key={t.currency} padding="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t.currency} · {formatNumber(t.count)} document{t.count === 1 ? '' : 's'}
          </Text>
          <Text fw={700} size="xl" className="tabular">
            {money(t.total, t.currency)}
          </Text>
          <Text size="sm" c={t.outstanding > 0 ? 'orange' : 'dimmed'} className="tabular">
            {money(t.outstanding, t.currency)} outstanding
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** The list's filters, kept in the invoice-list store (remembered while the app runs). */
function InvoiceFilters({ errors }: { errors: { from?: string; to?: string } }) {
  const filters = useInvoiceListStore();
  return (
    <Group mb="md" gap="sm" align="flex-end">
      <Select
        label="Status"
        w={170}
        value={filters.status}
        allowDeselect={false}
        onChange={(v) => filters.set({ status: (v ?? 'all') as 'all' | InvoiceStatus })}
        data={[{ value: 'all', label: 'All statuses' }, ...INVOICE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
      />
      <ClientSelect
        label="Client"
        w={220}
        clearable
        placeholder="All clients"
        status="all"
        {...SCREEN_SEARCH}
        value={filters.clientId ? String(filters.clientId) : null}
        onChange={(v) => filters.set({ clientId: v ? Number(v) : null })}
      />
      <DateField label="From" w={160} value={filters.from} error={errors.from} onChange={(value) => filters.set({ from: value })} />
      <DateField label="To" w={160} value={filters.to} error={errors.to} onChange={(value) => filters.set({ to: value })} />
      <Select
        label="Type"
        w={160}
        value={filters.kind}
        allowDeselect={false}
        onChange={(v) => filters.set({ kind: (v ?? 'all') as 'all' | 'invoice' | 'credit-note' })}
        data={[
          { value: 'all', label: 'All documents' },
          { value: 'invoice', label: 'Invoices' },
          { value: 'credit-note', label: 'Credit notes' },
        ]}
      />
    </Group>
  );
}

/**
 * The documents `filter` matches, page by page as the user scrolls. Its own component, so a page
 * arriving redraws only the table, not the filters and totals above it.
 */
function InvoiceList({ filter }: { filter: NonNullable<CallInput<'invoices.totals'>> }) {
  const invoices = useApiPages('invoices.list', filter);
  const filtered = filter.status !== 'all' || filter.kind !== 'all' || filter.clientId !== null || filter.from !== null || filter.to !== null;
  return (
    <PagedListCard
      list={invoices}
      empty={
        <EmptyState
          icon={<IconFileInvoice size={24} />}
          title={filtered ? 'No documents match these filters' : 'No invoices yet'}
          description={filtered ? 'Change or clear the filters above to see more.' : 'Start a draft for a client. It gets its number when you issue it.'}
        />
      }
    >
      {(rows) => (
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="sm" data-testid="invoice-table" aria-busy={invoices.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Number</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th>Issued</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Total</Table.Th>
              <Table.Th ta="right">Outstanding</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <WindowedTableBody
            rows={rows}
            rowKey={(invoice) => invoice.id}
            renderRow={(invoice, index) => <InvoiceRow inv={invoice} columns="list" index={index} height={INVOICE_ROW_HEIGHT} />}
            estimateSize={INVOICE_ROW_HEIGHT}
            columns={7}
            noun="invoices"
            loadMore={invoices.loadMore}
            loadingMore={invoices.isFetchingNextPage}
          />
        </Table>
      )}
    </PagedListCard>
  );
}

export function InvoicesPage() {
  const filters = useInvoiceListStore();
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);
  const [accountantExport, setAccountantExport] = useState(false);
  // A date half typed (0002-03-15 on the way to 2020) or a period out of order is shown at its
  // field, checked by the same schema as the API, and the list keeps the last filter that holds.
  const checked = invoiceFilter.safeParse({ status: filters.status, clientId: filters.clientId, from: filters.from || null, to: filters.to || null, kind: filters.kind });
  const [filter, setFilter] = useState(() => checked.data ?? invoiceFilter.parse(undefined));
  // Kept in state and updated while rendering (React's pattern for state derived from props), so a filter that holds takes effect in the same render.
  if (checked.success && JSON.stringify(checked.data) !== JSON.stringify(filter)) setFilter(checked.data);
  const errors = Object.fromEntries((checked.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
  const totals = useApiQuery('invoices.totals', filter, { placeholderData: keepPreviousData });

  return (
    <>
      <PageHeader
        title="Invoices"
        subtitle="Drafts, issued invoices and credit notes."
        actions={
          <>
            <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)}>
              Export PDFs…
            </Button>
            <Button variant="default" leftSection={<IconTable size={16} />} onClick={() => setAccountantExport(true)}>
              Accountant export…
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/invoices/new')}>
              New invoice
            </Button>
          </>
        }
      />
      <InvoiceFilters errors={errors} />
      {totals.data && <CurrencyTotals totals={totals.data} />}
      <InvoiceList filter={filter} />
      {exporting && <ExportModal onClose={() => setExporting(false)} />}
      {accountantExport && <AccountantExportModal onClose={() => setAccountantExport(false)} />}
    </>
  );
}
