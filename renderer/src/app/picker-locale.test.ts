import { describe, expect, it } from 'vitest';
import { firstDayOfWeek, pickerLocale } from './picker-locale';

describe('the calendar pop-up in the display locale', () => {
  it('names months in the locale it has, falling back to English', () => {
    expect(pickerLocale('en-GB')).toBe('en-gb');
    expect(pickerLocale('en-US')).toBe('en');
    expect(pickerLocale('de-DE')).toBe('de');
    expect(pickerLocale('de-AT')).toBe('de');
    expect(pickerLocale('fr-CA')).toBe('fr');
    expect(pickerLocale('en-AU')).toBe('en');
    expect(pickerLocale('ja-JP')).toBe('en');
  });

  it('starts the week on Monday in Britain and Germany and on Sunday in the US', () => {
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect(firstDayOfWeek('de-DE')).toBe(1);
    expect(firstDayOfWeek('en-US')).toBe(0);
  });
});
