import { describe, expect, it } from 'vitest';
import { firstUnprintable, isPrintable, unprintableMessage } from './printable';
import { optionalText, requiredText } from './strings';

describe('printable text', () => {
  it('accepts every script the PDF fonts draw, with joiners and variation selectors', () => {
    const samples = ['Zoë Ελένη Юлия', '王小明 ひらがな カタカナ', '한국어 ✅ 😀', 'שלום', 'شركة الأمل', 'नमस्ते', 'สวัสดี', '→ ★ ✓ € ₹ ≤', '👩‍💻 ❤️', 'a\u200fb\u00adc'];
    for (const text of samples) expect(firstUnprintable(text), text).toBeNull();
  });

  it('names the first character no font can draw', () => {
    expect(firstUnprintable('Ada 𓀀 Ltd')).toBe('𓀀');
    expect(isPrintable('\u{E000}')).toBe(false);
    expect(unprintableMessage('𓀀')).toBe('“𓀀” (U+13000) cannot be printed on an invoice');
    expect(unprintableMessage('\u{E000}')).toBe('“\u{E000}” (U+E000) cannot be printed on an invoice');
  });

  it('refuses it in every text field that can reach a PDF, but not in a search', () => {
    expect(requiredText('Name', 100).safeParse('Ada 𓀀').error?.issues[0]?.message).toBe('“𓀀” (U+13000) cannot be printed on an invoice');
    expect(optionalText('Notes', 100, { multiline: true }).safeParse('line\n𓀀').error?.issues[0]?.message).toBe('“𓀀” (U+13000) cannot be printed on an invoice');
    expect(optionalText('Search', 100, { printable: false }).parse('𓀀')).toBe('𓀀');
  });
});
