import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale';

describe('pickLocale', () => {
  it('takes the OS locale Electron passes before the browser’s', () => {
    expect(pickLocale(['de-DE', 'en-US'])).toBe('de-DE');
  });

  it('falls back to the browser’s locale in the browser host, and to en-GB when nothing usable is given', () => {
    expect(pickLocale([undefined, 'en-US'])).toBe('en-US');
    expect(pickLocale(['', 'fr-FR'])).toBe('fr-FR');
    expect(pickLocale(['not a locale!', undefined])).toBe('en-GB');
  });

  it('canonicalises the tag', () => {
    expect(pickLocale(['en-gb'])).toBe('en-GB');
  });
});
