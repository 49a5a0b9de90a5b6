import { create } from 'zustand';
import type { CLIENT_SORTS } from '../../../shared/api/clients';

export type ClientStatusFilter = 'active' | 'archived' | 'all';
export type ClientSort = (typeof CLIENT_SORTS)[number];

interface ClientListState {
  search: string;
  status: ClientStatusFilter;
  sort: ClientSort;
  direction: 'asc' | 'desc';
  setSearch(search: string): void;
  setStatus(status: ClientStatusFilter): void;
  sortBy(sort: ClientSort): void;
  reset(): void;
}

const initial = { search: '', status: 'active' as const, sort: 'name' as const, direction: 'asc' as const };

/** The client list's filters, kept while the user moves between a client and the list. */
export const useClientListStore = create<ClientListState>()((set) => ({
  ...initial,
  setSearch: (search) => set({ search }),
  setStatus: (status) => set({ status }),
  sortBy: (sort) => set((s) => ({ sort, direction: s.sort === sort && s.direction === 'asc' ? 'desc' : 'asc' })),
  reset: () => set(initial),
}));
