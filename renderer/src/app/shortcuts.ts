/** What the browser says about the platform: `navigator` in the window, a stub in a test. */
export interface PlatformHints {
  platform?: string;
  userAgentData?: { platform?: string };
}

/**
 * Whether the window runs on an Apple platform, where shortcuts say "⌘" rather than "Ctrl".
 * userAgentData ("macOS") where Chromium offers it, else navigator.platform ("MacIntel"); the
 * Electron window and the browser host both answer these, so no bridge call is needed.
 */
export function isApplePlatform(hints: PlatformHints): boolean {
  const name = hints.userAgentData?.platform || hints.platform || '';
  return /^(mac|iphone|ipad|ipod)/i.test(name);
}

const MODIFIER_LABELS = {
  apple: { mod: '⌘', alt: '⌥', shift: '⇧', ctrl: '⌃' },
  other: { mod: 'Ctrl', alt: 'Alt', shift: 'Shift', ctrl: 'Ctrl' },
} as const;

/**
 * The keys to show for a useHotkeys combination: "mod+alt+N" is ⌘ ⌥ N on a Mac and Ctrl Alt N
 * elsewhere. A key typed with Shift, such as "?", is shown as itself.
 */
export function keyLabels(hotkey: string, apple: boolean): string[] {
  const names = MODIFIER_LABELS[apple ? 'apple' : 'other'];
  const parts = hotkey.split('+').map((part) => part.trim());
  const key = parts.at(-1)!;
  const typedWithShift = !/^[a-z0-9]$/i.test(key);
  return parts.flatMap((part, index) => {
    if (index === parts.length - 1) return [part.length === 1 ? part.toUpperCase() : part];
    if (part.toLowerCase() === 'shift' && typedWithShift) return [];
    return [names[part.toLowerCase() as keyof typeof names] ?? part];
  });
}

/** Every keyboard shortcut in the app, for useHotkeys and for the shortcut sheet. */
export const SHORTCUTS = {
  newInvoice: { hotkey: 'mod+alt+N', label: 'New invoice' },
  newClient: { hotkey: 'mod+alt+C', label: 'New client' },
  search: { hotkey: '/', label: "Search this screen's list" },
  sheet: { hotkey: 'shift+?', label: 'Show keyboard shortcuts' },
  timerToggle: { hotkey: 'mod+shift+S', label: 'Start or stop the timer' },
  timerContract: { hotkey: 'mod+shift+O', label: "Choose the timer's contract" },
  saveDraft: { hotkey: 'mod+S', label: 'Save the invoice draft' },
  palette: { hotkey: 'mod+K', label: 'Search everything and run commands' },
} as const;

export type Shortcut = (typeof SHORTCUTS)[keyof typeof SHORTCUTS];

/**
 * Whether a key press is AltGr typing a character ("ń" is AltGr+N on a Polish keyboard). Windows
 * reports AltGr as Ctrl+Alt, so such a press looks like Ctrl+Alt+N; the AltGraph state tells them
 * apart, and a shortcut leaves the press to the field it was typed in.
 */
export function isAltGrTyping(event: Pick<KeyboardEvent, 'getModifierState'>): boolean {
  return event.getModifierState('AltGraph');
}

/** Spread on a screen's search field: the one `/` focuses. */
export const SCREEN_SEARCH = { 'data-screen-search': true } as const;
export const SCREEN_SEARCH_SELECTOR = 'main [data-screen-search]';

/** This window's platform, decided once. */
export const APPLE = typeof navigator !== 'undefined' && isApplePlatform(navigator as PlatformHints);

/** The keys to show for `shortcut` on this window's platform. */
export function keysOf(shortcut: Shortcut): string[] {
  return keyLabels(shortcut.hotkey, APPLE);
}

/** `shortcut` in running text: "⌘S" on a Mac, "Ctrl+S" elsewhere, as each platform writes it. */
export function shortcutText(shortcut: Shortcut): string {
  return keysOf(shortcut).join(APPLE ? '' : '+');
}
