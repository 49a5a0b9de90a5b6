import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { contracts, contractVersions, invoices, leads, payments } from './schema';

// What a client's timeline gathers from the records that are not activities (issue 15 §5).

/** The leads a client came from. */
export function clientLeadRows(db: DbOrTx, clientId: number): { id: number; title: string }[] {
  return db.select({ id: leads.id, title: leads.title }).from(leads).where(eq(leads.clientId, clientId)).orderBy(asc(leads.id)).all();
}

/** A client's contracts with when each was created and each version signed. */
export function clientContractEvents(db: DbOrTx, clientId: number): { contractId: number; createdAt: string; versionNumber: number; title: string; signedAt: string | null }[] {
  return db
    .select({ contractId: contracts.id, createdAt: contracts.createdAt, versionNumber: contractVersions.versionNumber, title: contractVersions.title, signedAt: contractVersions.signedAt })
    .from(contracts)
    .innerJoin(contractVersions, eq(contractVersions.contractId, contracts.id))
    .where(eq(contracts.clientId, clientId))
    .orderBy(asc(contracts.id), asc(contractVersions.versionNumber))
    .all();
}

/** A client's issued invoices and credit notes. */
export function clientIssuedDocuments(db: DbOrTx, clientId: number): { id: number; kind: 'invoice' | 'credit-note'; number: string; issuedAt: string; gross: number; currency: (typeof invoices.$inferSelect)['currency'] }[] {
  return db
    .select({ id: invoices.id, kind: invoices.kind, number: sql<string>`${invoices.number}`, issuedAt: sql<string>`${invoices.issuedAt}`, gross: invoices.gross, currency: invoices.currency })
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), eq(invoices.status, 'issued'), isNotNull(invoices.issuedAt)))
    .all();
}

/** Payments received on a client's invoices. */
export function clientPayments(db: DbOrTx, clientId: number): { id: number; invoiceId: number; number: string | null; date: string; createdAt: string; amount: number; currency: (typeof invoices.$inferSelect)['currency'] }[] {
  return db
    .select({ id: payments.id, invoiceId: payments.invoiceId, number: invoices.number, date: payments.date, createdAt: payments.createdAt, amount: payments.amount, currency: invoices.currency })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(eq(invoices.clientId, clientId))
    .all();
}
