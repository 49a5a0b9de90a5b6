import { isNotNull, sql } from 'drizzle-orm';
import { identityKeys } from '../shared/lead-import/rows';
import type { DbOrTx } from './client';
import { contacts, leads } from './schema';

/**
 * Who is already in the book, as `identityKeys`: each lead by its email and links, or with neither
 * its contact's name at its organisation; each client contact by its email. An import's duplicates
 * are judged against these.
 */
export function knownIdentities(db: DbOrTx): Set<string> {
  const fromLeads = db
    .select({ email: leads.contactEmail, links: leads.links, name: leads.contactName, organisation: leads.organisation })
    .from(leads)
    .all()
    .flatMap((l) => identityKeys(l));
  const fromContacts = db
    .select({ email: sql<string>`lower(${contacts.email})` })
    .from(contacts)
    .where(isNotNull(contacts.email))
    .all()
    .map((c) => `email:${c.email}`);
  return new Set([...fromLeads, ...fromContacts]);
}
