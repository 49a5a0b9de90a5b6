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

/**
 * Mantine's label hides what overflows, which lets a squeezed table column cut the badge to "P…";
 * a visible overflow makes the badge at least as wide as its words, so the column makes room instead.
 */
const WHOLE_LABEL = { label: { overflow: 'visible' } } as const;

/** A document's status as a coloured badge. */
export function StatusBadge({ status, kind }: { status: InvoiceStatus; kind?: 'invoice' | 'credit-note' }) {
  if (kind === 'credit-note') {
    return (
      <Badge color="grape" variant="light" styles={WHOLE_LABEL} data-testid="status-badge">
        Credit note
      </Badge>
    );
  }
  return (
    <Badge color={COLORS[status]} variant={status === 'overdue' ? 'filled' : 'light'} styles={WHOLE_LABEL} data-testid="status-badge">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
