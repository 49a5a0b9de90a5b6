import { Button, Kbd, Modal, Table, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconKeyboard } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { Keys } from '../components/Keys';
import { isAltGrTyping, keysOf, SCREEN_SEARCH_SELECTOR, SHORTCUTS, type Shortcut } from './shortcuts';

const ClientFormModal = lazy(() => import('../features/clients/ClientFormModal').then((m) => ({ default: m.ClientFormModal })));

const SHEET_ROWS: { shortcut: Shortcut; where: string }[] = [
  { shortcut: SHORTCUTS.newInvoice, where: 'Anywhere' },
  { shortcut: SHORTCUTS.newClient, where: 'Anywhere' },
  { shortcut: SHORTCUTS.search, where: 'Invoices and Clients' },
  { shortcut: SHORTCUTS.sheet, where: 'Anywhere but a text field' },
  { shortcut: SHORTCUTS.timerToggle, where: 'Anywhere' },
  { shortcut: SHORTCUTS.timerContract, where: 'Anywhere' },
  { shortcut: SHORTCUTS.saveDraft, where: 'Invoice draft' },
  { shortcut: SHORTCUTS.palette, where: 'Anywhere' },
];

/** A dialog is up: the app's shortcuts leave it alone rather than act on the screen behind it. */
const dialogOpen = () => document.querySelector('[role="dialog"]') !== null;

/**
 * The app-wide shortcuts: new invoice, new client, `/` to the screen's search field and `?` for
 * the sheet listing every shortcut (a button in the sidebar opens it too). The Ctrl/⌘+Alt ones
 * fire from a text field too, except when the press is AltGr typing a letter; the bare `/` and `?`
 * are text there. None fires while a dialog is open.
 */
export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const [sheet, setSheet] = useState(false);
  const [newClient, setNewClient] = useState(false);
  const when = (action: () => void) => (event: KeyboardEvent) => {
    if (!dialogOpen() && !isAltGrTyping(event)) action();
  };
  // The letters are matched by their physical key, since ⌥ on a Mac turns N into a dead key.
  useHotkeys(
    [
      [SHORTCUTS.newInvoice.hotkey, when(() => void navigate('/invoices/new')), { usePhysicalKeys: true }],
      [SHORTCUTS.newClient.hotkey, when(() => setNewClient(true)), { usePhysicalKeys: true }],
    ],
    [],
  );
  useHotkeys([
    [SHORTCUTS.search.hotkey, when(() => document.querySelector<HTMLElement>(SCREEN_SEARCH_SELECTOR)?.focus())],
    [SHORTCUTS.sheet.hotkey, when(() => setSheet(true))],
  ]);
  return (
    <>
      <Button variant="subtle" color="gray" size="xs" justify="flex-start" fullWidth leftSection={<IconKeyboard size={16} />} rightSection={<Kbd size="xs">?</Kbd>} onClick={() => setSheet(true)}>
        Shortcuts
      </Button>
      <Modal opened={sheet} onClose={() => setSheet(false)} title={<Text fw={650} size="lg">Keyboard shortcuts</Text>} size="lg">
        <Table verticalSpacing="xs" aria-label="Keyboard shortcuts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Action</Table.Th>
              <Table.Th>Keys</Table.Th>
              <Table.Th>Where</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SHEET_ROWS.map(({ shortcut, where }) => (
              <Table.Tr key={shortcut.hotkey}>
                <Table.Td>{shortcut.label}</Table.Td>
                <Table.Td>
                  <Keys keys={keysOf(shortcut)} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {where}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
      {newClient && (
        <Suspense fallback={null}>
          <ClientFormModal opened onClose={() => setNewClient(false)} onSaved={(client) => void navigate(`/clients/${client.id}`)} />
        </Suspense>
      )}
    </>
  );
}
