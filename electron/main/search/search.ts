import type { ParsedInput } from '../../../shared/api/contract';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResults } from '../../../shared/api/search';
import { matchExpression, searchTerms } from '../../../shared/search/query';
import { snippetOf } from '../../../shared/search/snippet';
import type { DbOrTx } from '../../../db/client';
import { searchKindRows, type SearchRow } from '../../../db/search';

/** The renderer route that opens each record a hit can open. */
const ROUTES: Record<SearchRow['openKind'], string> = { client: '/clients', lead: '/leads', contract: '/contracts', invoice: '/invoices' };

/** What a hit is called when its record has no title of its own yet (a draft invoice has no number). */
const UNTITLED: Partial<Record<SearchKind, string>> = { invoice: 'Draft invoice' };

function hitOf(kind: SearchKind, row: SearchRow, terms: readonly string[]): SearchHit {
  return {
    kind,
    id: row.id,
    title: row.title || UNTITLED[kind] || '',
    snippet: snippetOf(row.body, terms),
    href: `${ROUTES[row.openKind]}/${row.openId}`,
  };
}

/**
 * Global search: the text's words as prefixes, all required, over every kind of record, up to
 * `limit` hits per kind ranked by bm25, each with a snippet and the route that opens it. Every
 * record is searched, recruiter leads and archived clients too: the user asked for it by name.
 * Text with no word in it (only punctuation) finds nothing.
 */
export function searchBook(db: DbOrTx, { text, limit }: ParsedInput<'search.query'>): SearchResults {
  const terms = searchTerms(text);
  if (terms.length === 0) return { groups: [] };
  const groups = SEARCH_KINDS.map((kind) => ({ kind, hits: searchKindRows(db, kind, matchExpression(kind, terms), limit).map((row) => hitOf(kind, row, terms)) }));
  return { groups: groups.filter((group) => group.hits.length > 0) };
}
