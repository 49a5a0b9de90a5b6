import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Contact, contactInput, contactUpdateInput } from '../shared/api/clients';
import { searchTextOf } from '../shared/clients/search';
import type { DbOrTx } from './client';
import { contacts } from './schema';

const columns = {
  id: contacts.id,
  clientId: contacts.clientId,
  name: contacts.name,
  role: contacts.role,
  email: contacts.email,
  phone: contacts.phone,
  isBilling: contacts.isBilling,
};

export function listContacts(db: DbOrTx, clientId: number): Contact[] {
  return db
    .select(columns)
    .from(contacts)
    .where(eq(contacts.clientId, clientId))
    .orderBy(desc(contacts.isBilling), asc(contacts.name))
    .all();
}

export function getContact(db: DbOrTx, id: number): Contact | undefined {
  return db.select(columns).from(contacts).where(eq(contacts.id, id)).get();
}

/** One billing contact per client: making one the billing contact demotes the other. */
function demoteOtherBilling(db: DbOrTx, clientId: number, keepId: number, now: string) {
  db.update(contacts)
    .set({ isBilling: false, updatedAt: now })
    .where(and(eq(contacts.clientId, clientId), eq(contacts.isBilling, true), ne(contacts.id, keepId)))
    .run();
}

export function createContact(db: DbOrTx, data: z.output<typeof contactInput>, now: string): Contact {
  return db.transaction((tx) => {
    if (data.isBilling) demoteOtherBilling(tx, data.clientId, 0, now);
    const { id } = tx
      .insert(contacts)
      .values({ ...data, searchText: searchTextOf([data.name, data.email]), createdAt: now, updatedAt: now })
      .returning({ id: contacts.id })
      .get();
    return getContact(tx, id)!;
  });
}

export function updateContact(db: DbOrTx, data: z.output<typeof contactUpdateInput>, now: string): Contact | undefined {
  const { id, ...fields } = data;
  return db.transaction((tx) => {
    const existing = getContact(tx, id);
    if (!existing) return undefined;
    if (fields.isBilling) demoteOtherBilling(tx, existing.clientId, id, now);
    tx.update(contacts).set({ ...fields, searchText: searchTextOf([fields.name, fields.email]), updatedAt: now }).where(eq(contacts.id, id)).run();
    return getContact(tx, id);
  });
}

export function deleteContact(db: DbOrTx, id: number): boolean {
  return db.delete(contacts).where(eq(contacts.id, id)).run().changes > 0;
}
