import { foldForSearch } from '../../../../shared/clients/search';
import type { SearchKind } from '../../../../shared/api/search';

/** A palette entry that is not a search hit: an action or a screen to go to. */
export interface PaletteCommand {
  id: string;
  label: string;
  run: () => void;
}

/** The heading of each kind's group of hits. */
export const KIND_LABELS: Record<SearchKind, string> = {
  client: 'Clients',
  contact: 'Contacts',
  lead: 'Leads',
  activity: 'Notes and activities',
  proposal: 'Proposals',
  contract: 'Contracts',
  invoice: 'Invoices',
};

/**
 * The commands whose label has, for every word of `query`, a word starting with it, compared
 * folded for case and accents ("new inv" finds "New invoice"); all of them when the query is empty.
 */
export function matchingCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const words = foldForSearch(command.label).split(/[^\p{L}\p{N}]+/u);
    return terms.every((term) => words.some((word) => word.startsWith(term)));
  });
}
