import { isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { contacts, leads } from './schema';

/** Every email already on a lead or a client contact, lower-cased: an import's duplicates are judged against these. */
export function knownEmails(db: DbOrTx): Set<string> {
  const lower = (column: typeof leads.contactEmail | typeof contacts.email) => sql<string>`lower(${column})`;
  const fromLeads = db.select({ email: lower(leads.contactEmail) }).from(leads).where(isNotNull(leads.contactEmail)).all();
  const fromContacts = db.select({ email: lower(contacts.email) }).from(contacts).where(isNotNull(contacts.email)).all();
  return new Set([...fromLeads, ...fromContacts].map((r) => r.email));
}
