import bidiFactory from 'bidi-js';
import { textRuns, type FontRole } from './fonts';

const bidi = bidiFactory();
const words = new Intl.Segmenter('en', { granularity: 'word' });
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Scripts written without spaces: a line may break between their words (ICU finds them, Thai by dictionary). */
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const PUNCTUATION = /\p{P}/u;
/** fontkit reverses a run itself when its first non-neutral character is Hebrew or Arabic. */
const NEUTRAL_SCRIPT = /[\p{Script=Zyyy}\p{Script=Zinh}\p{Script=Zzzz}]/u;
const RTL_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}]/u;
/** Anything that can make a run right to left: the right-to-left scripts, and the explicit marks and embeddings (JS has no Bidi_Class property). */
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\u200f\u202b\u202e\u2067]/u;

/** A run placed on a line: its text in the order to hand pdfkit, its font, and where it starts. */
export interface PlacedRun {
  text: string;
  /** The same characters in reading order. */
  logical: string;
  role: FontRole;
  /** Points from the line's left edge. */
  x: number;
  width: number;
}

export interface LaidLine {
  runs: PlacedRun[];
  /** Points; trailing spaces do not count. */
  width: number;
}

/** Measures `text` in one font at the current size, in points (pdfkit's own metrics). */
export type Measure = (text: string, role: FontRole) => number;

function fontkitReverses(text: string): boolean {
  for (const ch of text) if (!NEUTRAL_SCRIPT.test(ch)) return RTL_SCRIPT.test(ch);
  return false;
}

/** Where a line may break: after spaces and hyphens, and between words of scripts without spaces. */
function breakPieces(paragraph: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let previous = '';
  for (const { segment } of words.segment(paragraph)) {
    const last = previous.at(-1) ?? '';
    const breakable =
      current !== '' &&
      (/\s|-/.test(last) || ((NO_SPACE_SCRIPT.test(last) || NO_SPACE_SCRIPT.test(segment[0]!)) && !PUNCTUATION.test(segment[0]!) && !PUNCTUATION.test(last)));
    if (breakable) {
      pieces.push(current);
      current = '';
    }
    current += segment;
    previous = segment;
  }
  if (current) pieces.push(current);
  return pieces;
}

function widthOf(text: string, bold: boolean, measure: Measure): number {
  let width = 0;
  for (const run of textRuns(text, bold)) width += measure(run.text, run.role);
  return width;
}

/** Greedy line filling in logical order; a piece wider than a whole line breaks between graphemes. */
function wrap(paragraph: string, maxWidth: number | undefined, bold: boolean, measure: Measure): string[] {
  if (maxWidth === undefined) return [paragraph];
  const lines: string[] = [];
  let line = '';
  for (const piece of breakPieces(paragraph)) {
    if (line && widthOf((line + piece).trimEnd(), bold, measure) > maxWidth) {
      lines.push(line);
      line = '';
    }
    if (!line && widthOf(piece.trimEnd(), bold, measure) > maxWidth) {
      for (const { segment } of graphemes.segment(piece)) {
        if (line && widthOf((line + segment).trimEnd(), bold, measure) > maxWidth) {
          lines.push(line);
          line = '';
        }
        line += segment;
      }
    } else {
      line += piece;
    }
  }
  lines.push(line);
  return lines;
}

function reverseGraphemes(text: string): string {
  return Array.from(graphemes.segment(text), (s) => s.segment)
    .reverse()
    .join('');
}

/**
 * Lays out text for pdfkit, which neither wraps mixed fonts well nor knows the Unicode
 * bidirectional algorithm: splits it at line feeds, wraps each paragraph to `maxWidth` points
 * (none: one line per paragraph), splits each line into runs per font, and orders the runs
 * for display (UAX #9, via bidi-js; each paragraph's direction from its first strong
 * character), so "ACME שלום 123" reads right to left where it should. Arabic and Hebrew runs
 * are handed over in logical order, because fontkit shapes them (Arabic joining) and reverses
 * them itself; other right-to-left runs are reversed here, by grapheme, with brackets mirrored.
 * Deterministic: the same text, width and fonts always give the same runs.
 */
export function layoutText(text: string, options: { bold?: boolean; maxWidth?: number; measure: Measure }): LaidLine[] {
  const bold = options.bold ?? false;
  // Most cells are one left-to-right run that fits: skip segmentation and bidi for them (a third of a PDF's time).
  if (!text.includes('\n') && !text.includes('\r') && !RIGHT_TO_LEFT.test(text)) {
    const runs = textRuns(text, bold);
    if (runs.length === 1) {
      const width = options.measure(runs[0]!.text, runs[0]!.role);
      if (options.maxWidth === undefined || width <= options.maxWidth) return [{ runs: [{ ...runs[0]!, logical: runs[0]!.text, x: 0, width }], width }];
    }
  }
  const lines: LaidLine[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const levels = bidi.getEmbeddingLevels(paragraph);
    let offset = 0;
    for (const raw of wrap(paragraph, options.maxWidth, bold, options.measure)) {
      const start = offset;
      offset += raw.length;
      const content = raw.trimEnd();
      // Logical runs with one font and one embedding level.
      const logical: { text: string; role: FontRole; level: number; start: number }[] = [];
      let at = start;
      for (const run of textRuns(content, bold)) {
        let i = 0;
        for (const ch of run.text) {
          // textRuns may drop ignorables, so find each character's own index in the paragraph.
          while (at < start + content.length && paragraph.codePointAt(at) !== ch.codePointAt(0)) at++;
          const level = levels.levels[at] ?? 0;
          const last = logical.at(-1);
          if (last && i > 0 && last.level === level) last.text += ch;
          else logical.push({ text: ch, role: run.role, level, start: at });
          at += ch.length;
          i++;
        }
      }
      // Rule L2: from the highest level down to the lowest odd one, reverse each sequence at or above it.
      const order = logical.map((_, i) => i);
      const maxLevel = Math.max(0, ...logical.map((r) => r.level));
      const minOdd = Math.min(...logical.map((r) => r.level).filter((l) => l % 2 === 1), Infinity);
      for (let level = maxLevel; level >= minOdd && level > 0; level--) {
        for (let i = 0; i < order.length; ) {
          if (logical[order[i]!]!.level < level) {
            i++;
            continue;
          }
          let j = i;
          while (j < order.length && logical[order[j]!]!.level >= level) j++;
          order.splice(i, j - i, ...order.slice(i, j).reverse());
          i = j;
        }
      }
      const runs: PlacedRun[] = [];
      let x = 0;
      for (const index of order) {
        const run = logical[index]!;
        const rtl = run.level % 2 === 1;
        let drawn = run.text;
        if (rtl !== fontkitReverses(run.text)) {
          if (rtl) {
            const mirrored = bidi.getMirroredCharactersMap(paragraph, levels.levels, run.start, run.start + run.text.length - 1);
            let k = run.start;
            drawn = '';
            for (const ch of run.text) {
              drawn += mirrored.get(k) ?? ch;
              k += ch.length;
            }
          }
          drawn = reverseGraphemes(drawn);
        }
        const width = options.measure(drawn, run.role);
        runs.push({ text: drawn, logical: run.text, role: run.role, x, width });
        x += width;
      }
      lines.push({ runs, width: x });
    }
  }
  return lines;
}
