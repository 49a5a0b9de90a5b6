import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { LeadListQuery } from '../../../shared/api/leads';

/** The list and board filters; recruiters are remembered in the lead settings, not here, so they follow the book. */
export type LeadFilters = Omit<LeadListQuery, 'showRecruiters'>;

export const NO_LEAD_FILTERS: LeadFilters = { stages: [], sources: [], tag: null, staleOnly: false, minOverlapHours: null, includeClosed: false, sort: 'updated', direction: 'desc' };

interface LeadViewState {
  view: 'board' | 'list';
  filters: LeadFilters;
  setView(view: 'board' | 'list'): void;
  setFilters(filters: Partial<LeadFilters>): void;
  clearFilters(): void;
}

/** How the leads screen was last left: board or list, and its filters. */
export const useLeadViewStore = create<LeadViewState>()(
  persist(
    (set) => ({
      view: 'board',
      filters: NO_LEAD_FILTERS,
      setView: (view) => set({ view }),
      setFilters: (filters) => set((s) => ({ filters: { ...s.filters, ...filters } })),
      clearFilters: () => set((s) => ({ filters: { ...NO_LEAD_FILTERS, sort: s.filters.sort, direction: s.filters.direction } })),
    }),
    { name: 'billable-lead-view' },
  ),
);
