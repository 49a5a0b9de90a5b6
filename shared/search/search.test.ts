import { describe, expect, it } from 'vitest';
import { matchExpression, searchTerms } from './query';
import { snippetOf } from './snippet';

describe('searchTerms and matchExpression', () => {
  it('keeps only words, so FTS5 syntax never reaches the query, and quotes each as a prefix', () => {
    expect(searchTerms('"NEAR(co-op*: ^x')).toEqual(['NEAR', 'co', 'op', 'x']);
    expect(searchTerms('  Müller  zürich ')).toEqual(['Müller', 'zürich']);
    expect(searchTerms('"*(-:')).toEqual([]);
    expect(matchExpression('lead', ['NEAR', 'mül'])).toBe('kind : "lead" AND {title body} : ("NEAR"* AND "mül"*)');
  });
});

describe('snippetOf', () => {
  const notes = 'Referred by Sam. They run Postgres on three replicas and the lag grows every evening; met at the Zürich meetup, where the CTO asked about a migration to Snowflake before Q2.';

  it('cuts a passage around the first matching word, at word boundaries, and marks each word starting with a term, accents folded', () => {
    const { text, highlights } = snippetOf(notes, ['zurich', 'snow'], 80);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(highlights.map(([s, e]) => text.slice(s, e))).toEqual(['Zürich']);
    const wider = snippetOf(notes, ['zurich', 'snow']);
    expect(wider.text.endsWith('before Q2.')).toBe(true);
    expect(wider.highlights.map(([s, e]) => wider.text.slice(s, e))).toEqual(['Zürich', 'Snowflake']);
  });

  it('starts at the beginning when the match is in the title, and keeps a short text whole', () => {
    expect(snippetOf('Budget approved', ['acme'])).toEqual({ text: 'Budget approved', highlights: [] });
    expect(snippetOf(notes, ['nothing'], 40).text).toBe('Referred by Sam. They run Postgres on…');
  });
});
