import { Badge } from '@mantine/core';
import { STATUS_LABELS, type InvoiceStatus } from '../../../../shared/invoice/status';

const COLORS: Record<InvoiceStatus, string> = {
  draft: 'gray',
  issued: 'blue',
  'partially-paid': 'yellow',
  paid: 'teal',
  overdue: 'red',
  credited: 'grape',
};

export function StatusBadge({ status, kind }: { status: InvoiceStatus; kind?: 'invoice' | 'credit-note' }) {
  if (kind === 'credit-note') {
    return (
      <Badge color="grape" variant="light" data-testid="status-badge">
        Credit note
      </Badge>
    );
  }
  return (
    <Badge color={COLORS[status]} variant={status === 'overdue' ? 'filled' : 'light'} data-testid="status-badge">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
