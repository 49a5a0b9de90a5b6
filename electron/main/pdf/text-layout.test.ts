import { describe, expect, it } from 'vitest';
import { loadedRoles, textRuns } from './fonts';
import { layoutText } from './text-layout';

/** One point per code point: enough to test order and wrapping without any font metrics. */
const measure = (text: string) => [...text].length;
const visual = (text: string, maxWidth?: number) => layoutText(text, { measure, maxWidth }).map((line) => line.runs.map((r) => r.text).join(''));

describe('text runs', () => {
  it('give each character the first font that draws it, and load no font to decide', () => {
    expect(textRuns('Zoë 王 한 ✅ ש')).toEqual([
      { text: 'Zoë ', role: 'latin' },
      { text: '王', role: 'cjk' },
      { text: ' ', role: 'latin' },
      { text: '한', role: 'korean' },
      { text: ' ', role: 'latin' },
      { text: '✅', role: 'emoji' },
      { text: ' ', role: 'latin' },
      { text: 'ש', role: 'hebrew' },
    ]);
    expect(textRuns('Ab', true)).toEqual([{ text: 'Ab', role: 'latin-bold' }]);
    expect(textRuns('→', true)).toEqual([{ text: '→', role: 'symbols' }]);
    expect(loadedRoles()).toEqual([]);
  });
});

describe('layoutText', () => {
  it('orders right-to-left text for display, mirroring brackets, and leaves left-to-right text alone', () => {
    expect(visual('Invoice 42')).toEqual(['Invoice 42']);
    // An English line with a Hebrew name: the name's letters are handed to fontkit in logical order (it reverses them).
    expect(visual('Client: שלום עולם')).toEqual(['Client: שלום עולם'.replace('שלום עולם', 'עולם שלום')]);
    // A Hebrew paragraph: words right to left, the number and its brackets kept readable.
    expect(visual('עברית: שלום (123)')).toEqual(['(123) שלום :עברית']);
  });

  it('wraps in logical order, then orders each line', () => {
    expect(visual('one two three', 8)).toEqual(['one two', 'three']);
    expect(visual('אחת שתיים שלוש', 9)).toEqual(['שתיים אחת', 'שלוש']);
    expect(visual('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(visual('line 1\n\nline 3')).toEqual(['line 1', '', 'line 3']);
  });

  it('breaks between words of scripts written without spaces', () => {
    expect(visual('東京都の会社です', 4).every((line) => [...line].length <= 4)).toBe(true);
  });
});
