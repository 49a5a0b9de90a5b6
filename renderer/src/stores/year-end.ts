import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface YearEndState {
  /** The month (1–12) the business's accounting year ends in; March by default, as most UK companies. */
  accountingYearEndMonth: number;
  setAccountingYearEndMonth(month: number): void;
}

/** Which year the dashboard's profit summary shows for the accounting year. */
export const useYearEndStore = create<YearEndState>()(
  persist(
    (set) => ({
      accountingYearEndMonth: 3,
      setAccountingYearEndMonth: (accountingYearEndMonth) => set({ accountingYearEndMonth }),
    }),
    { name: 'billable-year-end' },
  ),
);
