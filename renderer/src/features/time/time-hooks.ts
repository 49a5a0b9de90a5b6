import type { ContractSummary } from '../../../../shared/api/contracts';
import { TIMEABLE_STATUSES } from '../../../../shared/time/rules';
import { useApiQuery } from '../../api/hooks';
import { computerTimeZone } from '../../components/dates';
import { keysOf, SHORTCUTS } from '../../app/shortcuts';

/** The business's time zone (the profile's, else this computer's): the zone main puts work dates and wall times in. */
export function useBusinessZone(): string {
  const profile = useApiQuery('profile.get');
  return profile.data?.timeZone ?? computerTimeZone();
}

/** "C-0001 · Postgres performance — Initrode Inc": how pickers name a contract. */
export function contractLabel(c: { reference: string; title: string; clientName: string }): string {
  return `${c.reference} · ${c.title} — ${c.clientName}`;
}

/** The contracts time can be logged on (signed or active, shared/time/rules.ts), as picker options. */
export function useTimeableContracts(): { options: { value: string; label: string }[]; contracts: ContractSummary[]; isLoading: boolean } {
  const list = useApiQuery('contracts.list', {});
  const contracts = (list.data ?? []).filter((c) => TIMEABLE_STATUSES.includes(c.status));
  return { contracts, options: contracts.map((c) => ({ value: String(c.id), label: contractLabel(c) })), isLoading: list.isLoading };
}

/** The timer's keyboard shortcuts, for useHotkeys and as the keys to show (app/shortcuts.ts holds them all). */
export const TIMER_KEYS = {
  toggle: { hotkey: SHORTCUTS.timerToggle.hotkey, keys: keysOf(SHORTCUTS.timerToggle) },
  contract: { hotkey: SHORTCUTS.timerContract.hotkey, keys: keysOf(SHORTCUTS.timerContract) },
} as const;
