import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber, numberingProblems, patternProblem, patternsCanClash } from './numbering';

describe('patternProblem', () => {
  it('accepts the usual shapes, slashes included', () => {
    for (const ok of ['INV-{YYYY}-{SEQ:4}', 'FV/{YYYY}/{MM}/{SEQ:3}', '{SEQ}', '{YYYY}{SEQ:5}', 'A 2026.{SEQ}']) expect(patternProblem(ok)).toBeNull();
  });

  it('refuses a pattern that reads as a path or a typo, saying why', () => {
    expect(patternProblem('../../{YYYY}{SEQ}')).toBe('Start and end the pattern with a letter, a digit or a placeholder');
    expect(patternProblem('INV-{SEQ}/')).toBe('Start and end the pattern with a letter, a digit or a placeholder');
    expect(patternProblem('INV//{SEQ}')).toBe('Use one separator at a time between parts (not .. // or --)');
    expect(patternProblem('INV-{YYYY}..{SEQ}')).toBe('Use one separator at a time between parts (not .. // or --)');
    expect(patternProblem('INV-{SEQ}-{SEQ}')).toMatch(/exactly one \{SEQ\}/);
  });
});

describe('numberingProblems', () => {
  const defaults = { invoicePattern: 'INV-{YYYY}-{SEQ:4}', creditNotePattern: 'CN-{YYYY}-{SEQ:4}', resetYearly: true };

  it('accepts the defaults, and any distinct patterns that never reset', () => {
    expect(numberingProblems(defaults)).toEqual([]);
    expect(numberingProblems({ invoicePattern: 'INV-{SEQ}', creditNotePattern: 'CN-{SEQ}', resetYearly: false })).toEqual([]);
    expect(numberingProblems({ invoicePattern: 'B{YY}{MM}-{SEQ:3}', creditNotePattern: 'C{YY}{MM}-{SEQ:3}', resetYearly: false })).toEqual([]);
  });

  // Issue 9 §2: INV-{SEQ} with a yearly reset gave INV-1 on 2026-12-01 and again on 2027-01-05.
  it('refuses a yearly reset without {YYYY}, saying why', () => {
    expect(numberingProblems({ ...defaults, invoicePattern: 'INV-{SEQ}' })).toEqual([
      { field: 'invoicePattern', message: 'Yearly reset needs {YYYY} in the pattern, or INV-1 would be given again each January' },
    ]);
    expect(numberingProblems({ ...defaults, invoicePattern: 'INV-{MM}-{SEQ}', creditNotePattern: 'CN-{YY}-{SEQ:3}' })).toEqual([
      { field: 'invoicePattern', message: 'Yearly reset needs {YYYY} in the pattern, or INV-01-1 would be given again each January' },
      { field: 'creditNotePattern', message: 'Yearly reset needs {YYYY} in the pattern: {YY} alone repeats every 100 years' },
    ]);
  });

  it('refuses a credit-note pattern that can give an invoice number', () => {
    const message = 'Credit notes share the list of numbers with invoices: start this pattern differently, e.g. CN-{YYYY}-{SEQ:4}';
    expect(numberingProblems({ ...defaults, creditNotePattern: 'INV-{YYYY}-{SEQ:4}' })).toEqual([{ field: 'creditNotePattern', message }]);
    expect(numberingProblems({ invoicePattern: '{SEQ}', creditNotePattern: '{YYYY}{SEQ}', resetYearly: false })).toEqual([{ field: 'creditNotePattern', message }]);
  });

  it('leaves malformed patterns to the pattern check', () => {
    expect(numberingProblems({ ...defaults, invoicePattern: 'INV', creditNotePattern: 'INV' })).toEqual([]);
  });
});

describe('patternsCanClash', () => {
  it.each([
    ['INV-{SEQ}', 'INV-{SEQ}'],
    ['{SEQ}', '{YYYY}{SEQ}'], // 20261 is both sequence 20261 and 2026's first
    ['INV{SEQ:4}', 'INV{SEQ:2}'], // INV10000
    ['A-{YYYY}-{SEQ}', 'A-{SEQ}-1'], // A-2026-1 from both
    ['X{MM}{SEQ}', 'X{YYYY}{SEQ}'],
  ])('%s and %s can give the same number', (a, b) => {
    expect(patternsCanClash(a, b)).toBe(true);
    expect(patternsCanClash(b, a)).toBe(true);
  });

  it.each([
    ['INV-{YYYY}-{SEQ:4}', 'CN-{YYYY}-{SEQ:4}'],
    ['INV{SEQ}', 'INV-{SEQ}'], // the dash is never a digit
    ['{YYYY}-INV-{SEQ}', '{YYYY}-CN-{SEQ}'],
    ['{SEQ}-I', '{SEQ}-C'],
    ['INV-{YYYY}-{SEQ}', 'INV-{MM}-{SEQ}'],
  ])('%s and %s never clash', (a, b) => {
    expect(patternsCanClash(a, b)).toBe(false);
    expect(patternsCanClash(b, a)).toBe(false);
  });

  it('a clash it reports is real: the same text from both', () => {
    expect(formatInvoiceNumber('{SEQ}', '2026-05-01', 20261)).toBe(formatInvoiceNumber('{YYYY}{SEQ}', '2026-05-01', 1));
  });
});
