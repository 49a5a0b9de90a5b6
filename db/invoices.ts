import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { draftInput } from '../shared/api/invoices';
import type { HomeValue } from '../shared/invoice/home-value';
import type { InvoiceSnapshot } from '../shared/invoice/snapshot';
import type { DbOrTx } from './client';
import { clients, invoiceDocuments, invoiceLines, invoices, payments } from './schema';

export type InvoiceRow = typeof invoices.$inferSelect;
export type LineRow = typeof invoiceLines.$inferSelect;
export type DraftData = z.output<typeof draftInput>;
export interface Totals {
  net: number;
  vat: number;
  gross: number;
  payable: number;
}

export function getInvoiceRow(db: DbOrTx, id: number): InvoiceRow | undefined {
  return db.select().from(invoices).where(eq(invoices.id, id)).get();
}

export function getLines(db: DbOrTx, invoiceId: number): LineRow[] {
  return db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position)).all();
}

function draftColumns(data: DraftData, dueDate: string, totals: Totals) {
  const { lines: _lines, ...fields } = data;
  return { ...fields, dueDate, ...totals };
}

function insertLines(db: DbOrTx, invoiceId: number, lines: readonly (DraftData['lines'][number] & { creditsLineId?: number | null })[]) {
  if (lines.length === 0) return;
  db.insert(invoiceLines)
    .values(lines.map((line, position) => ({ ...line, invoiceId, position })))
    .run();
}

export function insertDraft(db: DbOrTx, data: DraftData, dueDate: string, totals: Totals, now: string): number {
  return db.transaction((tx) => {
    const { id } = tx
      .insert(invoices)
      .values({ ...draftColumns(data, dueDate, totals), kind: 'invoice', status: 'draft', createdAt: now, updatedAt: now })
      .returning({ id: invoices.id })
      .get();
    insertLines(tx, id, data.lines);
    return id;
  });
}

/** Replaces a draft's fields and lines; the triggers refuse it once the invoice is issued. */
export function updateDraft(db: DbOrTx, id: number, data: DraftData, dueDate: string, totals: Totals, now: string): void {
  db.transaction((tx) => {
    tx.update(invoices).set({ ...draftColumns(data, dueDate, totals), updatedAt: now }).where(eq(invoices.id, id)).run();
    tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, id)).run();
    insertLines(tx, id, data.lines);
  });
}

export function deleteDraft(db: DbOrTx, id: number): void {
  db.delete(invoices).where(eq(invoices.id, id)).run();
}

export interface IssueFields {
  number: string;
  issuedAt: string;
  snapshot: InvoiceSnapshot;
  totals: Totals;
  fx: { rate: string; source: string; date: string } | null;
  /** Home-currency figures (minor units) of a foreign document; null for a home-currency one. */
  home: HomeValue | null;
}

/** Issues a draft row: the only UPDATE an invoice row gets once it has a number (the triggers refuse later ones). */
export function markIssued(db: DbOrTx, id: number, fields: IssueFields): void {
  db.update(invoices)
    .set({
      status: 'issued',
      number: fields.number,
      issuedAt: fields.issuedAt,
      snapshot: fields.snapshot,
      // From here on the column holds the tax point used, which places the document in a VAT period.
      taxPoint: fields.snapshot.taxPoint,
      ...fields.totals,
      fxRate: fields.fx?.rate ?? null,
      fxSource: fields.fx?.source ?? null,
      fxDate: fields.fx?.date ?? null,
      homeNet: fields.home?.net ?? null,
      homeVat: fields.home?.vat ?? null,
      homeGross: fields.home?.gross ?? null,
      updatedAt: fields.issuedAt,
    })
    .where(eq(invoices.id, id))
    .run();
}

/** A credit note starts as a draft row, like any document, and is issued in the same transaction. */
export function insertCreditNoteDraft(
  db: DbOrTx,
  original: InvoiceRow,
  data: { issueDate: string; reason: string; lines: (DraftData['lines'][number] & { creditsLineId: number })[] },
  totals: Totals,
  now: string,
): number {
  const { id } = db
    .insert(invoices)
    .values({
      kind: 'credit-note',
      status: 'draft',
      clientId: original.clientId,
      currency: original.currency,
      issueDate: data.issueDate,
      dueDate: data.issueDate,
      taxPoint: data.issueDate,
      supplyStart: original.supplyStart,
      supplyEnd: original.supplyEnd,
      poNumber: original.poNumber,
      paymentTermsDays: 0,
      vatOverride: original.vatOverride,
      discountPercent: original.discountPercent,
      withholdingPercent: original.withholdingPercent,
      creditForId: original.id,
      creditReason: data.reason,
      ...totals,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: invoices.id })
    .get();
  insertLines(db, id, data.lines);
  return id;
}

export interface InvoiceListFilter {
  clientId: number | null;
  from: string | null;
  to: string | null;
  kind: 'all' | 'invoice' | 'credit-note';
}

export type ListedInvoice = Pick<InvoiceRow, 'id' | 'kind' | 'status' | 'number' | 'clientId' | 'currency' | 'issueDate' | 'dueDate' | 'net' | 'vat' | 'gross' | 'payable'> & {
  clientName: string;
  paid: number;
  credited: number;
};

const paidSql = sql<number>`coalesce((select sum(${payments.amount}) from ${payments} where ${payments.invoiceId} = ${invoices.id}), 0)`;

export function listInvoices(db: DbOrTx, filter: InvoiceListFilter): ListedInvoice[] {
  const credits = sql`(select coalesce(sum(cn.payable), 0) from invoices cn where cn.credit_for_id = ${invoices.id} and cn.status = 'issued')`;
  const where: SQL[] = [];
  if (filter.clientId) where.push(eq(invoices.clientId, filter.clientId));
  if (filter.from) where.push(gte(invoices.issueDate, filter.from));
  if (filter.to) where.push(lte(invoices.issueDate, filter.to));
  if (filter.kind !== 'all') where.push(eq(invoices.kind, filter.kind));
  return db
    .select({
      id: invoices.id,
      kind: invoices.kind,
      status: invoices.status,
      number: invoices.number,
      clientId: invoices.clientId,
      clientName: clients.name,
      currency: invoices.currency,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      net: invoices.net,
      vat: invoices.vat,
      gross: invoices.gross,
      payable: invoices.payable,
      paid: paidSql,
      credited: sql<number>`${credits}`,
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(and(...where))
    .orderBy(desc(invoices.issueDate), desc(invoices.id))
    .all();
}

/** Issued invoices and credit notes dated `from`..`to` (ISO dates, inclusive, null = open), oldest first. */
export function issuedDocumentsBetween(db: DbOrTx, from: string | null, to: string | null): { id: number; number: string }[] {
  const where: SQL[] = [eq(invoices.status, 'issued')];
  if (from) where.push(gte(invoices.issueDate, from));
  if (to) where.push(lte(invoices.issueDate, to));
  return db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(and(...where))
    .orderBy(asc(invoices.issueDate), asc(invoices.id))
    .all()
    .map((row) => ({ id: row.id, number: row.number ?? '' }));
}

/** An issued credit note against an invoice, with its frozen figures and the invoice lines it credits. */
export interface IssuedCreditNote {
  id: number;
  number: string;
  issueDate: string;
  payable: number;
  snapshot: InvoiceSnapshot;
  lines: { creditsLineId: number | null; quantity: string }[];
}

/** The issued credit notes of an invoice, oldest first, each with its lines in position order. */
export function issuedCreditNotes(db: DbOrTx, invoiceId: number): IssuedCreditNote[] {
  const notes = db
    .select({ id: invoices.id, number: invoices.number, issueDate: invoices.issueDate, payable: invoices.payable, snapshot: invoices.snapshot })
    .from(invoices)
    .where(and(eq(invoices.creditForId, invoiceId), eq(invoices.status, 'issued')))
    .orderBy(asc(invoices.id))
    .all();
  if (notes.length === 0) return [];
  const lines = db
    .select({ invoiceId: invoiceLines.invoiceId, creditsLineId: invoiceLines.creditsLineId, quantity: invoiceLines.quantity })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoices.creditForId, invoiceId), eq(invoices.status, 'issued')))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position))
    .all();
  return notes.map((note) => ({
    ...note,
    number: note.number ?? '',
    snapshot: note.snapshot as InvoiceSnapshot,
    lines: lines.filter((line) => line.invoiceId === note.id).map(({ creditsLineId, quantity }) => ({ creditsLineId, quantity })),
  }));
}

export function documentHash(db: DbOrTx, invoiceId: number): string | null {
  return db.select({ sha256: invoiceDocuments.sha256 }).from(invoiceDocuments).where(eq(invoiceDocuments.invoiceId, invoiceId)).get()?.sha256 ?? null;
}

export function getDocument(db: DbOrTx, invoiceId: number) {
  return db.select().from(invoiceDocuments).where(eq(invoiceDocuments.invoiceId, invoiceId)).get();
}

export function insertDocument(db: DbOrTx, invoiceId: number, pdf: Buffer, sha256: string, now: string): void {
  db.insert(invoiceDocuments).values({ invoiceId, pdf, sha256, createdAt: now }).onConflictDoNothing().run();
}

/** The sums of an invoice's issued credit notes (zero or negative). */
export function creditTotals(db: DbOrTx, invoiceId: number): { gross: number; payable: number } {
  return db
    .select({ gross: sql<number>`coalesce(sum(${invoices.gross}), 0)`, payable: sql<number>`coalesce(sum(${invoices.payable}), 0)` })
    .from(invoices)
    .where(and(eq(invoices.creditForId, invoiceId), eq(invoices.status, 'issued')))
    .get()!;
}
