/** Derived, never stored by hand: what the user sees for an invoice. */
export const INVOICE_STATUSES = ['draft', 'issued', 'partially-paid', 'paid', 'overdue', 'credited'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  issued: 'Issued',
  'partially-paid': 'Partially paid',
  paid: 'Paid',
  overdue: 'Overdue',
  credited: 'Credited',
};

export interface BalanceInput {
  stored: 'draft' | 'issued';
  kind: 'invoice' | 'credit-note';
  dueDate: string;
  /** The invoice's amount payable, in minor units. */
  payable: number;
  /** Sum of payments received. */
  paid: number;
  /** Sum of its credit notes' payable amounts (negative numbers). */
  credited: number;
  /** Today's date, ISO. */
  today: string;
}

export interface Balance {
  status: InvoiceStatus;
  /** What the client still owes; negative when a refund is due. */
  outstanding: number;
}

export function invoiceBalance(input: BalanceInput): Balance {
  if (input.stored === 'draft') return { status: 'draft', outstanding: 0 };
  if (input.kind === 'credit-note') return { status: 'issued', outstanding: 0 };
  const outstanding = input.payable + input.credited - input.paid;
  if (input.credited !== 0 && input.payable + input.credited <= 0) return { status: 'credited', outstanding };
  if (outstanding <= 0) return { status: 'paid', outstanding };
  if (input.dueDate < input.today) return { status: 'overdue', outstanding };
  return { status: input.paid > 0 ? 'partially-paid' : 'issued', outstanding };
}
