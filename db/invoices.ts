import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { draftInput } from '../shared/api/invoices';
import type { HomeValue } from '../shared/invoice/home-value';
import type { InvoiceSnapshot } from '../shared/invoice/snapshot';
import type { InvoiceStatus } from '../shared/invoice/status';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';
import { invoiceDocuments, invoiceLines, invoices } from './schema';

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

type LineValues = Omit<DraftData['lines'][number], 'id'> & { id?: number | null; creditsLineId?: number | null };

function insertLines(db: DbOrTx, invoiceId: number, lines: readonly LineValues[]) {
  insertAt(db, invoiceId, lines.map((line, position) => ({ line, position })));
}

function insertAt(db: DbOrTx, invoiceId: number, lines: readonly { line: LineValues; position: number }[]) {
  if (lines.length === 0) return;
  db.insert(invoiceLines)
    .values(lines.map(({ line: { id: _id, ...line }, position }) => ({ ...line, invoiceId, position })))
    .run();
}

/**
 * Writes a draft's lines over its stored ones: a line naming a stored line's id is updated in
 * place (only when it changed), so the time entries and expenses it bills stay linked; stored
 * lines not named are deleted, which releases theirs; the rest are inserted.
 */
function replaceLines(db: DbOrTx, invoiceId: number, lines: readonly LineValues[]) {
  const stored = new Map(getLines(db, invoiceId).map((row) => [row.id, row]));
  const kept = new Set(lines.map((line) => line.id).filter((id): id is number => id != null && stored.has(id)));
  const dropped = [...stored.keys()].filter((id) => !kept.has(id));
  if (dropped.length > 0) db.delete(invoiceLines).where(inArray(invoiceLines.id, dropped)).run();
  const fresh: { line: LineValues; position: number }[] = [];
  const claimed = new Set<number>();
  lines.forEach(({ id, ...line }, position) => {
    const row = id == null || claimed.has(id) ? undefined : stored.get(id);
    if (!row) return fresh.push({ line, position });
    claimed.add(row.id);
    const values = { ...line, position };
    const changed = (Object.keys(values) as (keyof typeof values)[]).some((key) => (values[key] ?? null) !== (row[key as keyof LineRow] ?? null));
    if (changed) db.update(invoiceLines).set(values).where(eq(invoiceLines.id, row.id)).run();
  });
  insertAt(db, invoiceId, fresh);
}

/** What a billing run records on the drafts it makes: the billing period's first day (unique per contract) and the timesheet appendix flag. */
export interface RunFields {
  billingPeriodStart: string;
  timesheetAppendix: boolean;
}

export function insertDraft(db: DbOrTx, data: DraftData, dueDate: string, totals: Totals, now: string, run: RunFields | null = null): number {
  return db.transaction((tx) => {
    const { id } = tx
      .insert(invoices)
      .values({ ...draftColumns(data, dueDate, totals), ...run, kind: 'invoice', status: 'draft', createdAt: now, updatedAt: now })
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
    replaceLines(tx, id, data.lines);
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
  data: { issueDate: string; reason: string; lines: (LineValues & { creditsLineId: number })[] },
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
  status: 'all' | InvoiceStatus;
  clientId: number | null;
  /** ISO dates, inclusive; null = open. */
  from: string | null;
  to: string | null;
  kind: 'all' | 'invoice' | 'credit-note';
}

export interface InvoicePageQuery extends InvoiceListFilter {
  /** Most rows to return. */
  limit: number;
  /** The issue date and id of the last row already shown; null for the first page. */
  after: { issueDate: string; id: number } | null;
}

/** A listed document with its status and outstanding balance (minor units) as of `today`, derived in SQL. */
export type ListedInvoice = Pick<InvoiceRow, 'id' | 'kind' | 'number' | 'clientId' | 'currency' | 'issueDate' | 'dueDate' | 'net' | 'vat' | 'gross' | 'payable'> & {
  clientName: string;
  status: InvoiceStatus;
  outstanding: number;
};

/**
 * The FROM (invoices `i`, balances `b`) and WHERE of the list for `filter`. A status only an issued
 * document has (or credit notes only) is found through invoice_balances' (state, issue_date)
 * index, so a rare status does not walk every invoice, and overdue through the index of open
 * invoices; a client's documents (a few hundred at most) through the invoices' (client, date)
 * index, whatever the status; otherwise the invoices' own date or status index leads. Either way
 * rows come out in the index's (issue date, id) order, so no sort is needed. `issuedOnly` is true
 * when every row the FROM gives is an issued document.
 * The status rules are shared/invoice/status.ts invoiceBalance's, split into the part stored in
 * `state` and the due date against `today`.
 */
function listSource(filter: InvoiceListFilter, today: string) {
  const byState = !filter.clientId && ((filter.status !== 'all' && filter.status !== 'draft') || filter.kind === 'credit-note');
  // SQLite's planner does not pick a partial index for an IN on its own; the condition below matches the index's exactly.
  const balances = filter.status === 'overdue' ? sql`invoice_balances b indexed by invoice_balances_open_idx` : sql`invoice_balances b`;
  const from = byState ? sql`${balances} join invoices i on i.id = b.invoice_id` : sql`invoices i left join invoice_balances b on b.invoice_id = i.id`;
  const date = byState ? sql`b.issue_date` : sql`i.issue_date`;
  const rowId = byState ? sql`b.invoice_id` : sql`i.id`;
  const where: SQL[] = [];
  const byStatus: Record<Exclude<InvoiceListFilter['status'], 'all'>, SQL> = {
    draft: sql`i.status = 'draft'`,
    paid: sql`b.state = 'paid'`,
    credited: sql`b.state = 'credited'`,
    overdue: sql`b.state in ('unpaid', 'part-paid') and i.due_date < ${today}`,
    'partially-paid': sql`b.state = 'part-paid' and i.due_date >= ${today}`,
    issued: sql`(b.state = 'note' or (b.state = 'unpaid' and i.due_date >= ${today}))`,
  };
  if (filter.status !== 'all') where.push(byStatus[filter.status]);
  if (filter.kind === 'credit-note') where.push(sql`b.state = 'note'`);
  if (filter.kind === 'invoice') where.push(sql`i.kind = 'invoice'`);
  if (filter.clientId) where.push(sql`i.client_id = ${filter.clientId}`);
  if (filter.from) where.push(sql`${date} >= ${filter.from}`);
  if (filter.to) where.push(sql`${date} <= ${filter.to}`);
  return { from, date, rowId, where, issuedOnly: byState };
}

const whereAll = (conditions: SQL[]) => (conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``);

/**
 * One page of the invoice list, newest issue date first (ties: newest id), with each row's status
 * and outstanding balance derived in SQL as of `today` (ISO date). Keyset paging: the page after
 * `after` costs the same as the first.
 */
export function listInvoices(db: DbOrTx, query: InvoicePageQuery, today: string): ListedInvoice[] {
  const { from, date, rowId, where } = listSource(query, today);
  if (query.after) where.push(sql`${date} <= ${query.after.issueDate} and (${date} < ${query.after.issueDate} or ${rowId} < ${query.after.id})`);
  return db.all<ListedInvoice>(sql`
    select i.id, i.kind, i.number, i.client_id as clientId, c.name as clientName, i.currency, i.issue_date as issueDate,
      i.due_date as dueDate, i.net, i.vat, i.gross, i.payable,
      case when i.status = 'draft' then 'draft'
        when b.state = 'note' then 'issued'
        when b.state in ('paid', 'credited') then b.state
        when i.due_date < ${today} then 'overdue'
        when b.state = 'part-paid' then 'partially-paid'
        else 'issued' end as status,
      case when i.status = 'draft' or i.kind = 'credit-note' then 0 else i.payable + b.credited - b.paid end as outstanding
    from ${from} join clients c on c.id = i.client_id
    ${whereAll(where)}
    order by ${date} desc, ${rowId} desc
    limit ${query.limit}`);
}

/** Per currency, over the issued documents `filter` matches: their count, total payable, and the sum still owed on invoices (minor units). One aggregate query. */
export function invoiceTotals(db: DbOrTx, filter: InvoiceListFilter, today: string): { currency: CurrencyCode; count: number; total: number; outstanding: number }[] {
  const { from, where, issuedOnly } = listSource(filter, today);
  // Said only when the FROM could give drafts: said always, it leads the planner away from the balances' indexes.
  if (!issuedOnly) where.push(sql`i.status = 'issued'`);
  return db.all(sql`
    select i.currency, count(*) as count, sum(i.payable) as total,
      sum(case when i.kind = 'invoice' then max(i.payable + b.credited - b.paid, 0) else 0 end) as outstanding
    from ${from}
    ${whereAll(where)}
    group by i.currency
    order by i.currency`);
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

/** The SHA-256 of an issued document's stored PDF, or null when none is stored yet. */
export function documentHash(db: DbOrTx, invoiceId: number): string | null {
  return db.select({ sha256: invoiceDocuments.sha256 }).from(invoiceDocuments).where(eq(invoiceDocuments.invoiceId, invoiceId)).get()?.sha256 ?? null;
}

/**
 * An issued document's stored PDF: its SHA-256, and the bytes only while they are still held in
 * the row (stored before the documents store, not yet moved out); otherwise `pdf` is null and the
 * bytes are in the documents store under the hash. Undefined when none is stored.
 */
export function getDocument(db: DbOrTx, invoiceId: number): { sha256: string; pdf: Buffer | null } | undefined {
  return db.select({ sha256: invoiceDocuments.sha256, pdf: invoiceDocuments.pdf }).from(invoiceDocuments).where(eq(invoiceDocuments.invoiceId, invoiceId)).get();
}

/** Records an issued document's PDF by its SHA-256, once its bytes are in the documents store; a second record for the same document is ignored. */
export function insertDocument(db: DbOrTx, invoiceId: number, sha256: string, now: string): void {
  db.insert(invoiceDocuments).values({ invoiceId, sha256, createdAt: now }).onConflictDoNothing().run();
}

/** The sums of an invoice's issued credit notes (zero or negative). */
export function creditTotals(db: DbOrTx, invoiceId: number): { gross: number; payable: number } {
  return db
    .select({ gross: sql<number>`coalesce(sum(${invoices.gross}), 0)`, payable: sql<number>`coalesce(sum(${invoices.payable}), 0)` })
    .from(invoices)
    .where(and(eq(invoices.creditForId, invoiceId), eq(invoices.status, 'issued')))
    .get()!;
}
