import { z } from 'zod';

/** The kinds of record global search finds, in the order the results are grouped. */
export const SEARCH_KINDS = ['client', 'contact', 'lead', 'activity', 'proposal', 'contract', 'invoice'] as const;
export const searchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof searchKind>;

/** The longest search text taken: a query is a few words, never a pasted document. */
export const SEARCH_TEXT_MAX = 200;

// eslint-disable-next-line no-control-regex -- the control characters are exactly what this refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const searchQuery = z.object({
  text: z
    .string()
    .refine((text) => !CONTROL.test(text), 'Search text can’t contain control characters such as tabs or line breaks')
    .transform((text) => text.trim())
    .pipe(z.string().min(1, 'Type something to search for').max(SEARCH_TEXT_MAX, `Search text is at most ${SEARCH_TEXT_MAX} characters`)),
  /** Results per kind. */
  limit: z.number().int().min(1).max(20).default(5),
});

const snippet = z.object({ text: z.string(), highlights: z.array(z.tuple([z.number().int(), z.number().int()])) });

/** One record found: what it is called, the passage that matched, and the screen that opens it (a renderer route). */
export const searchHitSchema = z.object({ kind: searchKind, id: z.number().int(), title: z.string(), snippet, href: z.string() });
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Hits grouped by kind, best first within a kind (bm25); kinds with no hit are left out. */
export const searchResultsSchema = z.object({ groups: z.array(z.object({ kind: searchKind, hits: z.array(searchHitSchema) })) });
export type SearchResults = z.infer<typeof searchResultsSchema>;
