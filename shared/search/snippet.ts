import { foldForSearch } from '../clients/search';

/** A short passage of a record's text around the first word a query matched, with the matched words' ranges in it. */
export interface Snippet {
  text: string;
  /** [start, end) offsets into `text` of each word that starts with a search term. */
  highlights: [number, number][];
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Characters shown before the first match, so the passage reads in context. */
const LEAD_IN = 40;

/**
 * The passage of `text` (about `width` characters) that starts a little before its first word
 * beginning with one of `terms`, cut at word boundaries and marked "…" where it was cut. Words
 * and terms are compared folded (case and accents), as the index compares them. With no match
 * (the hit was in the title), the passage is the start of the text.
 */
export function snippetOf(text: string, terms: readonly string[], width = 140): Snippet {
  const folded = terms.map(foldForSearch);
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, matches: folded.some((t) => foldForSearch(m[0]).startsWith(t)) }));
  const first = words.find((w) => w.matches);
  let start = first ? Math.max(0, first.start - LEAD_IN) : 0;
  if (start > 0) start = words.find((w) => w.start >= start)?.start ?? start;
  let end = Math.min(text.length, start + width);
  if (end < text.length) end = words.findLast((w) => w.end <= end && w.start > start)?.end ?? end;
  const before = start > 0 ? '…' : '';
  const passage = text.slice(start, end).replace(/\s+/g, ' ');
  const shown = `${before}${passage}${end < text.length ? '…' : ''}`;
  const highlights: [number, number][] = [];
  for (const m of shown.matchAll(WORD)) {
    if (folded.some((t) => foldForSearch(m[0]).startsWith(t))) highlights.push([m.index, m.index + m[0].length]);
  }
  return { text: shown, highlights };
}
