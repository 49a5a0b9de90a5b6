import { describe, expect, it } from 'vitest';
import { isAltGrTyping, isApplePlatform, keyLabels, SHORTCUTS } from './shortcuts';

describe('isApplePlatform', () => {
  it('reads userAgentData first, then navigator.platform', () => {
    expect(isApplePlatform({ userAgentData: { platform: 'macOS' }, platform: 'MacIntel' })).toBe(true);
    expect(isApplePlatform({ platform: 'MacIntel' })).toBe(true);
    expect(isApplePlatform({ platform: 'iPad' })).toBe(true);
    expect(isApplePlatform({ userAgentData: { platform: 'Windows' }, platform: 'Win32' })).toBe(false);
    expect(isApplePlatform({ userAgentData: { platform: 'Linux' } })).toBe(false);
    expect(isApplePlatform({ platform: 'Linux x86_64' })).toBe(false);
    expect(isApplePlatform({})).toBe(false);
  });

  it('takes an empty userAgentData platform as unknown and falls back', () => {
    expect(isApplePlatform({ userAgentData: { platform: '' }, platform: 'MacIntel' })).toBe(true);
  });
});

describe('keyLabels', () => {
  it('says ⌘ on a Mac and Ctrl elsewhere', () => {
    expect(keyLabels(SHORTCUTS.newInvoice.hotkey, true)).toEqual(['⌘', '⌥', 'N']);
    expect(keyLabels(SHORTCUTS.newInvoice.hotkey, false)).toEqual(['Ctrl', 'Alt', 'N']);
    expect(keyLabels(SHORTCUTS.timerToggle.hotkey, true)).toEqual(['⌘', '⇧', 'S']);
    expect(keyLabels(SHORTCUTS.timerToggle.hotkey, false)).toEqual(['Ctrl', 'Shift', 'S']);
    expect(keyLabels(SHORTCUTS.palette.hotkey, true)).toEqual(['⌘', 'K']);
    expect(keyLabels(SHORTCUTS.palette.hotkey, false)).toEqual(['Ctrl', 'K']);
  });

  it('shows a key typed with Shift as itself, and a bare key alone', () => {
    expect(keyLabels(SHORTCUTS.sheet.hotkey, false)).toEqual(['?']);
    expect(keyLabels(SHORTCUTS.search.hotkey, true)).toEqual(['/']);
  });
});

describe('isAltGrTyping', () => {
  it('tells AltGr typing a letter from Ctrl+Alt pressed for a shortcut', () => {
    const press = (altGraph: boolean) => ({ getModifierState: (key: string) => key === 'AltGraph' && altGraph });
    expect(isAltGrTyping(press(true))).toBe(true);
    expect(isAltGrTyping(press(false))).toBe(false);
  });
});
