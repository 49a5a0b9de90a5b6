import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemePreference = 'auto' | 'light' | 'dark';

interface ThemeState {
  preference: ThemePreference;
  setPreference(preference: ThemePreference): void;
  reset(): void;
}

/** The user's theme choice; "auto" follows the operating system. */
export const useThemeStore = create<ThemeState>()(
  persist(
    (set) => ({
      preference: 'auto',
      setPreference: (preference) => set({ preference }),
      reset: () => set({ preference: 'auto' }),
    }),
    { name: 'billable-theme' },
  ),
);
