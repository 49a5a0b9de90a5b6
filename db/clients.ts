import { and, asc, desc, eq, isNotNull, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Client, ClientSummary, clientInput, clientListQuery, clientUpdateInput } from '../shared/api/clients';
import { checkVatNumber } from '../shared/tax/vat-number';
import type { DbOrTx } from './client';
import { listContacts } from './contacts';
import { clients, contacts } from './schema';

type ClientRow = typeof clients.$inferSelect;

function toClient(row: ClientRow, db: DbOrTx): Client {
  const { taxNumberCheckedAt: checkedAt, taxNumberCheckMethod: method, taxNumberCheckResult: result, ...rest } = row;
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

function like(column: SQLWrapper, pattern: string): SQL {
  return sql`${column} like ${pattern} escape '\\'`;
}

export function listClients(db: DbOrTx, query: z.output<typeof clientListQuery>): ClientSummary[] {
  const billing = alias(contacts, 'billing');
  const filters: SQL[] = [];
  if (query.status === 'active') filters.push(isNull(clients.archivedAt));
  if (query.status === 'archived') filters.push(isNotNull(clients.archivedAt));
  if (query.search) {
    const p = containsPattern(query.search);
    filters.push(
      or(
        like(clients.name, p),
        like(sql`coalesce(${clients.legalName}, '')`, p),
        like(sql`coalesce(${clients.taxNumber}, '')`, p),
        like(sql`coalesce(${clients.city}, '')`, p),
        like(clients.tags, p),
        sql`exists (select 1 from ${contacts} where ${contacts.clientId} = ${clients.id} and (${like(contacts.name, p)} or ${like(sql`coalesce(${contacts.email}, '')`, p)}))`,
      )!,
    );
  }
  const sortColumn = {
    name: sql`${clients.name} collate nocase`,
    country: clients.country,
    createdAt: clients.createdAt,
    updatedAt: clients.updatedAt,
  }[query.sort];
  const order = query.direction === 'asc' ? asc : desc;

  return db
    .select({
      id: clients.id,
      name: clients.name,
      legalName: clients.legalName,
      country: clients.country,
      currency: clients.currency,
      timezone: clients.timezone,
      customerType: clients.customerType,
      tags: clients.tags,
      archivedAt: clients.archivedAt,
      createdAt: clients.createdAt,
      updatedAt: clients.updatedAt,
      contactCount: sql<number>`(select count(*) from ${contacts} where ${contacts.clientId} = ${clients.id})`,
      billingName: billing.name,
      billingEmail: billing.email,
    })
    .from(clients)
    .leftJoin(billing, and(eq(billing.clientId, clients.id), eq(billing.isBilling, true)))
    .where(and(...filters))
    .orderBy(order(sortColumn), asc(clients.id))
    .all()
    .map(({ archivedAt, billingName, billingEmail, ...row }) => ({
      ...row,
      archived: archivedAt !== null,
      billingContact: billingName === null ? null : { name: billingName, email: billingEmail },
    }));
}

export function createClient(db: DbOrTx, data: z.output<typeof clientInput>, now: string): Client {
  const row = db
    .insert(clients)
    .values({ ...data, ...offlineEvidence(data.country, data.taxNumber, now), createdAt: now, updatedAt: now })
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
  const row = db.update(clients).set({ ...fields, ...evidence, updatedAt: now }).where(eq(clients.id, id)).returning().get();
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
