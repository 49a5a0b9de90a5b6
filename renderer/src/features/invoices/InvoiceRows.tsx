import { Table, Text } from '@mantine/core';
import { memo, type Ref } from 'react';
import type { InvoiceSummary } from '../../../../shared/api/invoices';
import { formatDate } from '../../components/dates';
import { useOpenRow } from '../../components/useOpenRow';
import { StatusBadge } from './StatusBadge';
import { formatMoney } from '../../components/format';

type Columns = 'list' | 'client';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * One invoice or credit-note row that opens the document on click, or on Enter once tabbed to.
 * `list` is every column of the invoice list; `client` leaves out what a client's page makes
 * redundant or has no room for: the client, the due date and the outstanding balance. `ref` and
 * `index` let a virtualised table measure the row, or `height` (px) fixes it so none is needed;
 * memoised, so scrolling draws only the rows that come into view.
 */
export const InvoiceRow = memo(function InvoiceRow({
  inv,
  columns,
  ref,
  index,
  height,
}: {
  inv: InvoiceSummary;
  columns: Columns;
  ref?: Ref<HTMLTableRowElement>;
  index?: number;
  height?: number;
}) {
  const openRow = useOpenRow(`/invoices/${inv.id}`);
  const full = columns === 'list';
  return (
    <Table.Tr
      ref={ref}
      data-index={index}
      style={height ? { height } : undefined}
      {...openRow}
      data-testid="invoice-row"
      aria-label={inv.number ?? `Draft for ${inv.clientName}`}
    >
      <Table.Td>
        <Text fw={600} size="sm" c={inv.number ? undefined : 'dimmed'} style={NO_WRAP}>
          {inv.number ?? 'Draft'}
        </Text>
      </Table.Td>
      {full && (
        // The client column takes the width left over and cuts a long name short, so the number, dates, status and amounts never wrap or squeeze (1024 px with the sidebar).
        <Table.Td style={{ maxWidth: 0, width: '100%' }}>
          <Text size="sm" truncate="end" title={inv.clientName}>
            {inv.clientName}
          </Text>
        </Table.Td>
      )}
      <Table.Td>
        <Text size="sm" style={NO_WRAP}>
          {formatDate(inv.issueDate)}
        </Text>
      </Table.Td>
      {full && (
        <Table.Td>
          <Text size="sm" style={NO_WRAP}>
            {inv.kind === 'invoice' ? formatDate(inv.dueDate) : '—'}
          </Text>
        </Table.Td>
      )}
      <Table.Td>
        <StatusBadge status={inv.status} kind={inv.kind} />
      </Table.Td>
      <Table.Td ta="right" className="tabular">
        <Text size="sm" style={NO_WRAP}>
          {formatMoney({ amount: inv.payable, currency: inv.currency })}
        </Text>
      </Table.Td>
      {full && (
        <Table.Td ta="right" className="tabular">
          <Text size="sm" c={inv.outstanding > 0 ? undefined : 'dimmed'} style={NO_WRAP}>
            {inv.kind === 'invoice' && inv.status !== 'draft' ? formatMoney({ amount: inv.outstanding, currency: inv.currency }) : '—'}
          </Text>
        </Table.Td>
      )}
    </Table.Tr>
  );
});

/** A short list of invoice rows, all drawn (a client's latest invoices). */
export function InvoiceRows({ invoices, columns }: { invoices: readonly InvoiceSummary[]; columns: Columns }) {
  return (
    <Table.Tbody>
      {invoices.map((inv) => (
        <InvoiceRow key={inv.id} inv={inv} columns={columns} />
      ))}
    </Table.Tbody>
  );
}
