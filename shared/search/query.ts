/**
 * The user's search text as FTS5 terms. unicode61 splits text into runs of letters, digits and
 * marks; everything else separates words. Splitting the same way here means no character the
 * user types can reach the query as FTS5 syntax (quotes, `*`, `(`, `-`, `:`), and each term is
 * quoted, so a word such as NEAR, AND or NOT is looked up as a word, never read as an operator.
 */
export function searchTerms(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}]+/u).filter((term) => term.length > 0);
}

/** The columns a user's terms are looked up in; `kind` only ever takes the kind's own name. */
const TEXT_COLUMNS = '{title body}';

/**
 * The MATCH expression for one kind of record: every term as a prefix ("mull" finds "Müller"),
 * all of them required, in a record's title or body. `terms` come from `searchTerms`, so they hold
 * no quote; the tokenizer folds case and accents on both sides.
 */
export function matchExpression(kind: string, terms: readonly string[]): string {
  const prefixes = terms.map((term) => `"${term}"*`).join(' AND ');
  return `kind : "${kind}" AND ${TEXT_COLUMNS} : (${prefixes})`;
}
