import { create } from 'zustand';
import type { BillingState } from '../../../../shared/api/time';

interface TimeListState {
  from: string;
  to: string;
  contractId: number | null;
  billable: 'all' | 'billable' | 'non-billable';
  state: 'all' | BillingState;
  set(patch: Partial<Omit<TimeListState, 'set' | 'reset'>>): void;
  reset(): void;
}

const initial = { from: '', to: '', contractId: null, billable: 'all' as const, state: 'all' as const };

/** The entries list's filters, kept while the user goes elsewhere and comes back. */
export const useTimeListStore = create<TimeListState>()((set) => ({
  ...initial,
  set: (patch) => set(patch),
  reset: () => set(initial),
}));
