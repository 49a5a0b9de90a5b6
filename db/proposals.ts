import { desc, eq, sql } from 'drizzle-orm';
import type { ProposalStatus, StoredProposalTerms } from '../shared/api/proposals';
import type { ExistingClient } from '../shared/proposals/duplicates';
import type { DbOrTx } from './client';
import { clients, contacts, proposals } from './schema';

export type ProposalRow = Omit<typeof proposals.$inferSelect, 'terms'> & { terms: StoredProposalTerms };

const asRow = (row: typeof proposals.$inferSelect): ProposalRow => ({ ...row, terms: row.terms as StoredProposalTerms });

/** Inserts a draft proposal on a lead. Returns its id. */
export function insertProposal(db: DbOrTx, values: { leadId: number; title: string; scope: string; terms: StoredProposalTerms; validUntil: string }, now: string): number {
  return db
    .insert(proposals)
    .values({ ...values, status: 'draft', createdAt: now, updatedAt: now })
    .returning({ id: proposals.id })
    .get().id;
}

/** Replaces a draft's title, scope, terms and validity. */
export function updateProposalRow(db: DbOrTx, id: number, values: { title: string; scope: string; terms: StoredProposalTerms; validUntil: string }, now: string): void {
  db.update(proposals).set({ ...values, updatedAt: now }).where(eq(proposals.id, id)).run();
}

/** Moves a proposal to `status`; sent records when, accepted and declined when decided, accepted the client and contract it made. */
export function setProposalStatus(db: DbOrTx, id: number, status: ProposalStatus, now: string, links: { clientId: number; contractId: number } | null = null): void {
  const when = status === 'sent' ? { sentAt: now } : { decidedAt: now };
  db.update(proposals)
    .set({ status, ...when, ...(links ?? {}), updatedAt: now })
    .where(eq(proposals.id, id))
    .run();
}

export function getProposalRow(db: DbOrTx, id: number): ProposalRow | undefined {
  const row = db.select().from(proposals).where(eq(proposals.id, id)).get();
  return row && asRow(row);
}

/** A lead's proposals, newest first. */
export function leadProposalRows(db: DbOrTx, leadId: number): ProposalRow[] {
  return db.select().from(proposals).where(eq(proposals.leadId, leadId)).orderBy(desc(proposals.createdAt), desc(proposals.id)).all().map(asRow);
}

/** Every client with its contacts' emails, for duplicate detection when a lead is won. */
export function clientsForMatching(db: DbOrTx): ExistingClient[] {
  const rows = db
    .select({ id: clients.id, name: clients.name, legalName: clients.legalName, taxNumber: clients.taxNumber, emails: sql<string | null>`group_concat(${contacts.email}, char(31))` })
    .from(clients)
    .leftJoin(contacts, eq(contacts.clientId, clients.id))
    .groupBy(clients.id)
    .all();
  return rows.map(({ emails, ...row }) => ({ ...row, emails: emails ? emails.split('\u001f') : [] }));
}
