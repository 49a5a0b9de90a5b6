import { create } from 'zustand';
import type { InvoiceStatus } from '../../../shared/invoice/status';

interface InvoiceListState {
  status: 'all' | InvoiceStatus;
  clientId: number | null;
  from: string;
  to: string;
  kind: 'all' | 'invoice' | 'credit-note';
  set(patch: Partial<Omit<InvoiceListState, 'set' | 'reset'>>): void;
  reset(): void;
}

const initial = { status: 'all' as const, clientId: null, from: '', to: '', kind: 'all' as const };

/** The invoice list's filters, kept while the user opens an invoice and comes back. */
export const useInvoiceListStore = create<InvoiceListState>()((set) => ({
  ...initial,
  set: (patch) => set(patch),
  reset: () => set(initial),
}));
