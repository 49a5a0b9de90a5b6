import '@mantine/spotlight/styles.css';
import { Loader, Modal, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { createSpotlight, Spotlight, type SpotlightStore } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { SEARCH_TEXT_MAX } from '../../../../shared/api/search';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SHORTCUTS } from '../../app/shortcuts';
import { KIND_LABELS, matchingCommands, type PaletteCommand } from './commands';
import { HitAction } from './HitAction';

const ClientFormModal = lazy(() => import('../clients/ClientFormModal').then((m) => ({ default: m.ClientFormModal })));

const [paletteStore] = createSpotlight();

/** Typing pauses this long before the book is searched, so each keystroke does not ask main. */
const DEBOUNCE_MS = 150;
const HITS_PER_KIND = 5;

/**
 * Marks the first entry of the list as the one Enter opens. Mantine selects an entry only on an
 * arrow key and does not export its selectAction, so this does what it does: the `data-selected`
 * attribute its styles and Enter look for, and the index its arrow keys move from.
 */
function selectFirst(store: SpotlightStore): void {
  const list = document.getElementById(store.getState().listId);
  list?.querySelector('[data-selected]')?.removeAttribute('data-selected');
  const first = list?.querySelector('[data-action]');
  first?.setAttribute('data-selected', 'true');
  store.updateState((state) => ({ ...state, selected: first ? 0 : -1 }));
}

/**
 * The command palette (Ctrl/⌘+K from anywhere): what is typed searches the whole book (clients,
 * contacts, leads, notes, proposals, contracts and invoices, grouped by kind) and the commands
 * (new lead, invoice or client, start the timer, and every screen in `sections`, the sidebar's
 * list). The first entry is highlighted; Enter opens the highlighted one, the arrow keys move.
 */
export function CommandPalette({ sections }: { sections: readonly { to: string; label: string }[] }) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [text] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const [newClient, setNewClient] = useState(false);
  const { mutate: startTimer } = useApiMutation('timer.start');
  const search = useApiQuery('search.query', { text, limit: HITS_PER_KIND }, { enabled: text !== '', placeholderData: keepPreviousData, staleTime: 0 });
  // Hits only for the words now in the box: an earlier query's (still shown while the next loads) could be what Enter opens.
  const current = text !== '' && text === query.trim() && !search.isPlaceholderData;
  const groups = current ? (search.data?.groups ?? []) : [];

  const commands = useMemo<PaletteCommand[]>(
    () => [
      { id: 'new-lead', label: 'New lead', run: () => void navigate('/leads/new') },
      { id: 'new-invoice', label: 'New invoice', run: () => void navigate('/invoices/new') },
      { id: 'new-client', label: 'New client', run: () => setNewClient(true) },
      {
        id: 'start-timer',
        label: 'Start the timer',
        run: () => startTimer({ contractId: null, note: '' }, { onError: (error) => notifications.show({ color: 'red', message: error.message }) }),
      },
      ...sections.map(({ to, label }) => ({ id: `go-${to}`, label: `Go to ${label}`, run: () => void navigate(to) })),
    ],
    [navigate, sections, startTimer],
  );
  const shown = matchingCommands(commands, query);
  const [actions, screens] = [shown.filter((c) => !c.id.startsWith('go-')), shown.filter((c) => c.id.startsWith('go-'))];

  const listKey = `${text}|${groups.map((g) => `${g.kind}:${g.hits.map((h) => h.id).join(',')}`).join(';')}|${shown.map((c) => c.id).join(',')}`;
  useEffect(() => selectFirst(paletteStore), [listKey]);

  const open = (href: string) => void navigate(href);
  const commandGroup = (label: string, list: PaletteCommand[]) =>
    list.length > 0 && (
      <Spotlight.ActionsGroup label={label} role="group" aria-label={label}>
        {list.map((command) => (
          <Spotlight.Action key={command.id} label={command.label} onClick={command.run} />
        ))}
      </Spotlight.ActionsGroup>
    );

  return (
    <>
      <Spotlight.Root store={paletteStore} query={query} onQueryChange={setQuery} shortcut={SHORTCUTS.palette.hotkey} tagsToIgnore={[]} scrollable maxHeight={480}>
        <VisuallyHidden>
          <Modal.Title>Command palette</Modal.Title>
        </VisuallyHidden>
        <Spotlight.Search
          placeholder="Search clients, leads, invoices… or type a command"
          aria-label="Search or run a command"
          maxLength={SEARCH_TEXT_MAX}
          leftSection={<IconSearch size={18} stroke={1.6} />}
          rightSection={search.isFetching ? <Loader size="xs" /> : null}
        />
        <Spotlight.ActionsList aria-label="Results and commands">
          {search.error && text !== '' && (
            <Text size="sm" c="red" p="sm" role="alert">
              {search.error.message}
            </Text>
          )}
          {groups.map((group) => (
            <Spotlight.ActionsGroup key={group.kind} label={KIND_LABELS[group.kind]} role="group" aria-label={KIND_LABELS[group.kind]}>
              {group.hits.map((hit) => (
                <HitAction key={`${hit.kind}-${hit.id}`} hit={hit} onOpen={open} />
              ))}
            </Spotlight.ActionsGroup>
          ))}
          {commandGroup('Actions', actions)}
          {commandGroup('Go to', screens)}
          {groups.length === 0 && shown.length === 0 && !search.isFetching && <Spotlight.Empty>Nothing found for “{query.trim()}”</Spotlight.Empty>}
        </Spotlight.ActionsList>
      </Spotlight.Root>
      {newClient && (
        <Suspense fallback={null}>
          <ClientFormModal opened onClose={() => setNewClient(false)} onSaved={(client) => void navigate(`/clients/${client.id}`)} />
        </Suspense>
      )}
    </>
  );
}
