import { eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Client, ClientSummary, clientInput, clientListQuery, clientUpdateInput } from '../shared/api/clients';
import { encodeCursor } from '../shared/api/paging';
import { foldForSearch, searchTextOf } from '../shared/clients/search';
import { checkVatNumber } from '../shared/tax/vat-number';
import type { DbOrTx } from './client';
import { listContacts } from './contacts';
import { clients, contacts } from './schema';

type ClientRow = typeof clients.$inferSelect;

function toClient(row: ClientRow, db: DbOrTx): Client {
  const { taxNumberCheckedAt: checkedAt, taxNumberCheckMethod: method, taxNumberCheckResult: result, searchText: _searchText, nameKey: _nameKey, ...rest } = row;
  const taxNumberCheck = checkedAt && method && result ? { checkedAt, method, result } : null;
  return { ...rest, taxNumberCheck, archived: row.archivedAt !== null, contacts: listContacts(db, row.id) };
}

type Evidence = Pick<ClientRow, 'taxNumberCheckedAt' | 'taxNumberCheckMethod' | 'taxNumberCheckResult'>;

/**
 * The evidence for a tax number that has just passed the input check: checked now, offline, by
 * its check digits (VAT countries) or its format (elsewhere). A VIES or HMRC lookup will record
 * its own method and result in the same columns.
 */
function offlineEvidence(country: string, taxNumber: string | null, now: string): Evidence {
  const check = taxNumber ? checkVatNumber(country, taxNumber) : null;
  if (!check?.ok) return { taxNumberCheckedAt: null, taxNumberCheckMethod: null, taxNumberCheckResult: null };
  return { taxNumberCheckedAt: now, taxNumberCheckMethod: check.method, taxNumberCheckResult: 'valid' };
}

export function getClient(db: DbOrTx, id: number): Client | undefined {
  const row = db.select().from(clients).where(eq(clients.id, id)).get();
  return row && toClient(row, db);
}

/** LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The folded columns written with every change of a client's searchable fields. */
export function clientSearchColumns(data: Pick<ClientRow, 'name' | 'legalName' | 'taxNumber' | 'city' | 'tags'>): { searchText: string; nameKey: string } {
  return { searchText: searchTextOf([data.name, data.legalName, data.taxNumber, data.city, ...data.tags]), nameKey: foldForSearch(data.name) };
}

const SORT_KEYS = {
  name: sql`c.name_key`,
  country: sql`c.country`,
  createdAt: sql`c.created_at`,
  updatedAt: sql`c.updated_at`,
} as const;

/**
 * One page of clients (see shared/api/clients.ts clientListQuery), each with its contact count,
 * billing contact and cursor. The search is folded like the stored search columns, so it ignores
 * case and accents in every script; it scans the clients (no index serves a substring) in the
 * sort index's order and stops at `limit`. Keyset paging on (sort key, id).
 */
export function listClients(db: DbOrTx, query: z.output<typeof clientListQuery>): ClientSummary[] {
  const key = SORT_KEYS[query.sort];
  const asc = query.direction === 'asc';
  const where: SQL[] = [];
  if (query.status === 'active') where.push(sql`c.archived_at is null`);
  if (query.status === 'archived') where.push(sql`c.archived_at is not null`);
  if (query.search) {
    const p = containsPattern(foldForSearch(query.search));
    where.push(sql`(c.search_text like ${p} escape '\\' or exists (select 1 from contacts k where k.client_id = c.id and k.search_text like ${p} escape '\\'))`);
  }
  if (query.after) {
    const { key: after, id } = query.after;
    where.push(asc ? sql`${key} >= ${after} and (${key} > ${after} or c.id > ${id})` : sql`${key} <= ${after} and (${key} < ${after} or c.id < ${id})`);
  }
  const order = asc ? sql`asc` : sql`desc`;
  const rows = db.all<{
    id: number;
    name: string;
    legalName: string | null;
    country: string;
    currency: ClientSummary['currency'];
    timezone: string;
    customerType: ClientSummary['customerType'];
    tags: string;
    archivedAt: string | null;
    createdAt: string;
    updatedAt: string;
    contactCount: number;
    billingName: string | null;
    billingEmail: string | null;
    sortKey: string;
  }>(sql`
    select c.id, c.name, c.legal_name as legalName, c.country, c.currency, c.timezone, c.customer_type as customerType, c.tags,
      c.archived_at as archivedAt, c.created_at as createdAt, c.updated_at as updatedAt,
      (select count(*) from contacts n where n.client_id = c.id) as contactCount,
      b.name as billingName, b.email as billingEmail, ${key} as sortKey
    from clients c left join contacts b on b.client_id = c.id and b.is_billing = 1
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by ${key} ${order}, c.id ${order}
    limit ${query.limit}`);
  return rows.map(({ archivedAt, billingName, billingEmail, sortKey, tags, ...row }) => ({
    ...row,
    tags: JSON.parse(tags) as string[],
    archived: archivedAt !== null,
    billingContact: billingName === null ? null : { name: billingName, email: billingEmail },
    cursor: encodeCursor({ key: sortKey, id: row.id }),
  }));
}

/**
 * Fills the folded search columns of clients and contacts that have none yet (rows written before
 * the columns existed: the migration cannot fold non-ASCII text in SQL). Returns how many rows it filled.
 */
export function fillSearchColumns(db: DbOrTx): number {
  let filled = 0;
  for (const row of db.select().from(clients).where(eq(clients.searchText, '')).all()) {
    db.update(clients).set(clientSearchColumns(row)).where(eq(clients.id, row.id)).run();
    filled++;
  }
  for (const row of db.select({ id: contacts.id, name: contacts.name, email: contacts.email }).from(contacts).where(eq(contacts.searchText, '')).all()) {
    db.update(contacts).set({ searchText: searchTextOf([row.name, row.email]) }).where(eq(contacts.id, row.id)).run();
    filled++;
  }
  return filled;
}

export function createClient(db: DbOrTx, data: z.output<typeof clientInput>, now: string): Client {
  const row = db
    .insert(clients)
    .values({ ...data, ...clientSearchColumns(data), ...offlineEvidence(data.country, data.taxNumber, now), createdAt: now, updatedAt: now })
    .returning()
    .get();
  return toClient(row, db);
}

export function updateClient(db: DbOrTx, data: z.output<typeof clientUpdateInput>, now: string): Client | undefined {
  const { id, ...fields } = data;
  const before = db.select({ country: clients.country, taxNumber: clients.taxNumber }).from(clients).where(eq(clients.id, id)).get();
  // Unchanged number: keep its evidence, which may be a lookup more telling than a re-check.
  const unchanged = before?.country === fields.country && before.taxNumber === fields.taxNumber;
  const evidence = unchanged ? {} : offlineEvidence(fields.country, fields.taxNumber, now);
  const row = db.update(clients).set({ ...fields, ...clientSearchColumns(fields), ...evidence, updatedAt: now }).where(eq(clients.id, id)).returning().get();
  return row && toClient(row, db);
}

export function setClientArchived(db: DbOrTx, id: number, archived: boolean, now: string): Client | undefined {
  const row = db
    .update(clients)
    .set({ archivedAt: archived ? sql`coalesce(${clients.archivedAt}, ${now})` : null, updatedAt: now })
    .where(eq(clients.id, id))
    .returning()
    .get();
  return row && toClient(row, db);
}
