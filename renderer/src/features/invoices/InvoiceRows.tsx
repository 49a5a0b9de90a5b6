import { Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { InvoiceSummary } from '../../../../shared/api/invoices';
import { formatMoney } from '../../../../shared/money/money';
import { formatDate } from '../../components/dates';
import { StatusBadge } from './StatusBadge';

/**
 * Invoice and credit-note rows that open the document on click, or on Enter once tabbed to.
 * `list` is every column of the invoice list; `client` leaves out what a client's page makes
 * redundant or has no room for: the client, the due date and the outstanding balance.
 */
export function InvoiceRows({ invoices, columns }: { invoices: readonly InvoiceSummary[]; columns: 'list' | 'client' }) {
  const navigate = useNavigate();
  const full = columns === 'list';
  return (
    <Table.Tbody>
      {invoices.map((inv) => {
        const open = () => navigate(`/invoices/${inv.id}`);
        return (
          <Table.Tr
            key={inv.id}
            className="clickable-row"
            tabIndex={0}
            onClick={open}
            onKeyDown={(e) => e.key === 'Enter' && open()}
            data-testid="invoice-row"
            aria-label={inv.number ?? `Draft for ${inv.clientName}`}
          >
            <Table.Td>
              <Text fw={600} size="sm" c={inv.number ? undefined : 'dimmed'}>
                {inv.number ?? 'Draft'}
              </Text>
            </Table.Td>
            {full && (
              <Table.Td>
                <Text size="sm">{inv.clientName}</Text>
              </Table.Td>
            )}
            <Table.Td>
              <Text size="sm">{formatDate(inv.issueDate)}</Text>
            </Table.Td>
            {full && (
              <Table.Td>
                <Text size="sm">{inv.kind === 'invoice' ? formatDate(inv.dueDate) : '—'}</Text>
              </Table.Td>
            )}
            <Table.Td>
              <StatusBadge status={inv.status} kind={inv.kind} />
            </Table.Td>
            <Table.Td ta="right" className="tabular">
              <Text size="sm">{formatMoney({ amount: inv.payable, currency: inv.currency })}</Text>
            </Table.Td>
            {full && (
              <Table.Td ta="right" className="tabular">
                <Text size="sm" c={inv.outstanding > 0 ? undefined : 'dimmed'}>
                  {inv.kind === 'invoice' && inv.status !== 'draft' ? formatMoney({ amount: inv.outstanding, currency: inv.currency }) : '—'}
                </Text>
              </Table.Td>
            )}
          </Table.Tr>
        );
      })}
    </Table.Tbody>
  );
}
