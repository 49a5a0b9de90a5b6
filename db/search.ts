import { sql } from 'drizzle-orm';
import type { SearchKind } from '../shared/api/search';
import type { DbOrTx } from './client';

/** Every trigger that keeps the search index (migration 0025) is named with this prefix. */
export const SEARCH_TRIGGER_PREFIX = 'search_';

/** A record the index matched, as its kind's view (migration 0025) describes it. */
export interface SearchRow {
  id: number;
  title: string;
  body: string;
  /** The record a hit opens: a contact opens its client, an activity or a proposal its lead. */
  openKind: 'client' | 'lead' | 'contract' | 'invoice';
  openId: number;
}

/** Each kind's view: the text the triggers index for a row, read back here to show the hit. */
const VIEWS: Record<SearchKind, string> = {
  client: 'search_client_docs',
  contact: 'search_contact_docs',
  lead: 'search_lead_docs',
  activity: 'search_activity_docs',
  proposal: 'search_proposal_docs',
  contract: 'search_contract_docs',
  invoice: 'search_invoice_docs',
};

/**
 * The most matches of one kind that are scored. bm25 costs a few microseconds per match, so a short
 * prefix that matches thousands of records ("da") is ranked among its newest CANDIDATES (FTS5 reads
 * a match list newest first and stops there); any query with fewer matches is ranked whole.
 */
const CANDIDATES = 200;

/**
 * The best `limit` records of one kind for an FTS5 MATCH expression (shared/search/query.ts),
 * ranked by bm25 with a title match worth four body matches. The index keys a row as id * 8 +
 * the kind's code, so `rowid >> 3` is the record's id in its view.
 */
export function searchKindRows(db: DbOrTx, kind: SearchKind, match: string, limit: number): SearchRow[] {
  return db.all<SearchRow>(sql`
    select d.id, d.label as title, coalesce(d.body, '') as body, d.open_kind as openKind, d.open_id as openId
    from (
      select rowid, score from (select rowid, bm25(search_index, 0, 4, 1) as score from search_index where search_index match ${match} order by rowid desc limit ${CANDIDATES})
      order by score limit ${limit}
    ) h
    join ${sql.identifier(VIEWS[kind])} d on d.id = h.rowid >> 3
    order by h.score`);
}
