import { Button, Card, Center, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, ThemeIcon } from '@mantine/core';
import { IconFileExport, IconFileInvoice, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { InvoiceSummary } from '../../../../shared/api/invoices';
import { INVOICE_STATUSES, STATUS_LABELS, type InvoiceStatus } from '../../../../shared/invoice/status';
import { formatMoney } from '../../../../shared/money/money';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { useInvoiceListStore } from '../../stores/invoice-list';
import { ExportModal } from './ExportModal';
import { InvoiceRows } from './InvoiceRows';

const money = (amount: number, currency: CurrencyCode) => formatMoney({ amount, currency });

/** Totals and outstanding per currency: amounts in different currencies are never added up. */
function CurrencyTotals({ invoices }: { invoices: InvoiceSummary[] }) {
  const byCurrency = new Map<CurrencyCode, { total: number; outstanding: number; count: number }>();
  for (const inv of invoices) {
    if (inv.status === 'draft') continue;
    const entry = byCurrency.get(inv.currency) ?? { total: 0, outstanding: 0, count: 0 };
    entry.total += inv.payable;
    entry.outstanding += inv.kind === 'invoice' ? Math.max(inv.outstanding, 0) : 0;
    entry.count += 1;
    byCurrency.set(inv.currency, entry);
  }
  if (byCurrency.size === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md" data-testid="currency-totals">
      {[...byCurrency.entries()].sort().map(([currency, t]) => (
        <Card key={currency} padding="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {currency} · {t.count} document{t.count === 1 ? '' : 's'}
          </Text>
          <Text fw={700} size="xl" className="tabular">
            {money(t.total, currency)}
          </Text>
          <Text size="sm" c={t.outstanding > 0 ? 'orange' : 'dimmed'} className="tabular">
            {money(t.outstanding, currency)} outstanding
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function InvoicesPage() {
  const filters = useInvoiceListStore();
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);
  const clients = useApiQuery('clients.list', { status: 'all' });
  const invoices = useApiQuery(
    'invoices.list',
    { status: filters.status, clientId: filters.clientId, from: filters.from || null, to: filters.to || null, kind: filters.kind },
    { placeholderData: (previous) => previous },
  );

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
            <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/invoices/new')}>
              New invoice
            </Button>
          </>
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <Select
          label="Status"
          w={170}
          value={filters.status}
          allowDeselect={false}
          onChange={(v) => filters.set({ status: (v ?? 'all') as 'all' | InvoiceStatus })}
          data={[{ value: 'all', label: 'All statuses' }, ...INVOICE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
        />
        <Select
          label="Client"
          w={220}
          searchable
          clearable
          placeholder="All clients"
          value={filters.clientId ? String(filters.clientId) : null}
          onChange={(v) => filters.set({ clientId: v ? Number(v) : null })}
          data={(clients.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
        />
        <TextInput label="From" type="date" w={160} value={filters.from} onChange={(e) => filters.set({ from: e.currentTarget.value })} />
        <TextInput label="To" type="date" w={160} value={filters.to} onChange={(e) => filters.set({ to: e.currentTarget.value })} />
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
      {invoices.data && <CurrencyTotals invoices={invoices.data} />}
      <Card padding={0}>
        {invoices.isError ? (
          <ErrorPanel error={invoices.error} />
        ) : invoices.isPending ? (
          <Center py={64}>
            <Loader />
          </Center>
        ) : invoices.data.length === 0 ? (
          <Center py={64}>
            <Stack align="center" gap="sm" maw={380} ta="center">
              <ThemeIcon size={48} radius="xl" variant="light">
                <IconFileInvoice size={24} />
              </ThemeIcon>
              <Text fw={600}>No invoices here</Text>
              <Text size="sm" c="dimmed">
                Start a draft for a client. It gets its number when you issue it.
              </Text>
            </Stack>
          </Center>
        ) : (
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="invoice-table">
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
            <InvoiceRows invoices={invoices.data} columns="list" />
          </Table>
        )}
      </Card>
      {exporting && <ExportModal onClose={() => setExporting(false)} />}
    </>
  );
}
