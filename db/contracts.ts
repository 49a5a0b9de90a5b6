import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ContractSnapshot } from '../shared/contracts/snapshot';
import type { BillingCycle, Budget, ContractFx, ContractStatus, ExpensePolicy, Ir35Status, NoticeUnit, RateUnit, Retainer, RoundingIncrement, TimeRounding } from '../shared/contracts/types';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';
import { clients, contractDocuments, contracts, contractVersions, invoiceLines, invoices } from './schema';

/** A contract version's terms as stored, in the shapes of shared/contracts/types.ts. Money in minor units. */
export interface StoredTerms {
  title: string;
  scope: string;
  startDate: string;
  endDate: string | null;
  notice: { amount: number; unit: NoticeUnit };
  rateCardId: number;
  rateCardVersionFrom: string;
  unit: RateUnit;
  hoursPerDay: string | null;
  listAmountMinor: number;
  listCurrency: CurrencyCode;
  discountRuleId: number | null;
  discountPercent: string;
  discountReason: string | null;
  currency: CurrencyCode;
  fx: ContractFx | null;
  resolvedRate: string;
  billingCycle: BillingCycle;
  continuousSupply: boolean;
  paymentTermsDays: number;
  poNumber: string | null;
  rounding: TimeRounding;
  expensePolicy: ExpensePolicy;
  retainer: Retainer | null;
  budget: Budget | null;
  ir35: { status: Ir35Status; sdsReceived: boolean; sdsDate: string | null } | null;
}

export interface StoredVersion extends StoredTerms {
  id: number;
  contractId: number;
  versionNumber: number;
  effectiveFrom: string;
  signedAt: string | null;
  pdfSha256: string | null;
  /** ISO timestamp of the last save: signing checks nobody saved in between. */
  updatedAt: string;
}

export interface ContractRow {
  id: number;
  clientId: number;
  clientName: string;
  status: ContractStatus;
  /** Invoices the billing run drafts from it print a timesheet appendix. */
  timesheetAppendix: boolean;
  /** ISO timestamp of the last change of the contract row: for an ended or cancelled contract, when it ended. */
  updatedAt: string;
}

type VersionColumns = typeof contractVersions.$inferInsert;

function toColumns(t: StoredTerms): Omit<VersionColumns, 'contractId' | 'versionNumber' | 'effectiveFrom' | 'createdAt' | 'updatedAt'> {
  return {
    title: t.title,
    scope: t.scope,
    startDate: t.startDate,
    endDate: t.endDate,
    noticeAmount: t.notice.amount,
    noticeUnit: t.notice.unit,
    rateCardId: t.rateCardId,
    rateCardVersionFrom: t.rateCardVersionFrom,
    unit: t.unit,
    hoursPerDay: t.hoursPerDay,
    listAmountMinor: t.listAmountMinor,
    listCurrency: t.listCurrency,
    discountRuleId: t.discountRuleId,
    discountPercent: t.discountPercent,
    discountReason: t.discountReason,
    currency: t.currency,
    fxMode: t.fx?.mode ?? null,
    fxRate: t.fx?.rate ?? null,
    fxDate: t.fx?.date ?? null,
    resolvedRate: t.resolvedRate,
    billingCycle: t.billingCycle.kind,
    billingAnchor: t.billingCycle.anchor,
    continuousSupply: t.continuousSupply,
    paymentTermsDays: t.paymentTermsDays,
    poNumber: t.poNumber,
    roundingMode: t.rounding.mode,
    roundingIncrement: t.rounding.incrementMinutes,
    roundingScope: t.rounding.scope,
    expensePolicy: t.expensePolicy.kind,
    expenseMarkupPercent: t.expensePolicy.markupPercent,
    expenseCapMinor: t.expensePolicy.capMinor,
    retainerFeeMinor: t.retainer?.monthlyFeeMinor ?? null,
    retainerIncludedHours: t.retainer?.includedHours ?? null,
    retainerOverageMinor: t.retainer?.overageRateMinor ?? null,
    retainerRollover: t.retainer?.rollover ?? null,
    retainerRolloverCapHours: t.retainer?.rolloverCapHours ?? null,
    budgetKind: t.budget?.kind ?? null,
    budgetAmount: t.budget?.amount ?? null,
    ir35Status: t.ir35?.status ?? null,
    sdsReceived: t.ir35?.sdsReceived ?? null,
    sdsDate: t.ir35?.sdsDate ?? null,
  };
}

function fromRow(r: typeof contractVersions.$inferSelect): StoredVersion {
  return {
    id: r.id,
    contractId: r.contractId,
    versionNumber: r.versionNumber,
    effectiveFrom: r.effectiveFrom,
    signedAt: r.signedAt,
    pdfSha256: r.pdfSha256,
    updatedAt: r.updatedAt,
    title: r.title,
    scope: r.scope,
    startDate: r.startDate,
    endDate: r.endDate,
    notice: { amount: r.noticeAmount, unit: r.noticeUnit },
    rateCardId: r.rateCardId,
    rateCardVersionFrom: r.rateCardVersionFrom,
    unit: r.unit,
    hoursPerDay: r.hoursPerDay,
    listAmountMinor: r.listAmountMinor,
    listCurrency: r.listCurrency,
    discountRuleId: r.discountRuleId,
    discountPercent: r.discountPercent,
    discountReason: r.discountReason,
    currency: r.currency,
    fx: r.fxMode && r.fxRate && r.fxDate ? { mode: r.fxMode, rate: r.fxRate, date: r.fxDate } : null,
    resolvedRate: r.resolvedRate,
    billingCycle: { kind: r.billingCycle, anchor: r.billingAnchor },
    continuousSupply: r.continuousSupply,
    paymentTermsDays: r.paymentTermsDays,
    poNumber: r.poNumber,
    rounding: { mode: r.roundingMode, incrementMinutes: r.roundingIncrement as RoundingIncrement, scope: r.roundingScope },
    expensePolicy: { kind: r.expensePolicy, markupPercent: r.expenseMarkupPercent, capMinor: r.expenseCapMinor },
    retainer:
      r.retainerFeeMinor !== null && r.retainerIncludedHours !== null && r.retainerOverageMinor !== null
        ? { monthlyFeeMinor: r.retainerFeeMinor, includedHours: r.retainerIncludedHours, overageRateMinor: r.retainerOverageMinor, rollover: r.retainerRollover ?? false, rolloverCapHours: r.retainerRolloverCapHours }
        : null,
    budget: r.budgetKind && r.budgetAmount ? { kind: r.budgetKind, amount: r.budgetAmount } : null,
    ir35: r.ir35Status ? { status: r.ir35Status, sdsReceived: r.sdsReceived ?? false, sdsDate: r.sdsDate } : null,
  };
}

const contractColumns = { id: contracts.id, clientId: contracts.clientId, clientName: clients.name, status: contracts.status, timesheetAppendix: contracts.timesheetAppendix, updatedAt: contracts.updatedAt };

/** Inserts a draft contract with its first version, effective from its start date; returns the contract id. */
export function insertContract(db: DbOrTx, clientId: number, terms: StoredTerms, now: string): number {
  const id = db.insert(contracts).values({ clientId, status: 'draft', createdAt: now, updatedAt: now }).returning({ id: contracts.id }).get().id;
  insertVersion(db, id, 1, terms.startDate, terms, now);
  return id;
}

/** Inserts version `versionNumber` of contract `contractId`, unsigned, from `effectiveFrom` (ISO date). */
export function insertVersion(db: DbOrTx, contractId: number, versionNumber: number, effectiveFrom: string, terms: StoredTerms, now: string): number {
  return db
    .insert(contractVersions)
    .values({ ...toColumns(terms), contractId, versionNumber, effectiveFrom, createdAt: now, updatedAt: now })
    .returning({ id: contractVersions.id })
    .get().id;
}

/** Rewrites an unsigned version's terms (a trigger refuses a signed one); version 1 moves its effective date with its start date. */
export function updateVersion(db: DbOrTx, version: { id: number; versionNumber: number }, terms: StoredTerms, now: string): void {
  const effective = version.versionNumber === 1 ? { effectiveFrom: terms.startDate } : {};
  db.update(contractVersions).set({ ...toColumns(terms), ...effective, updatedAt: now }).where(eq(contractVersions.id, version.id)).run();
}

/** Freezes a version: the trigger refuses any later change. */
export function signVersion(db: DbOrTx, versionId: number, signed: { signedAt: string; snapshot: ContractSnapshot; pdfSha256: string }): void {
  db.update(contractVersions).set({ ...signed, updatedAt: signed.signedAt }).where(eq(contractVersions.id, versionId)).run();
}

export function deleteVersion(db: DbOrTx, versionId: number): void {
  db.delete(contractVersions).where(eq(contractVersions.id, versionId)).run();
}

export function deleteContract(db: DbOrTx, id: number): void {
  db.delete(contracts).where(eq(contracts.id, id)).run();
}

export function getContract(db: DbOrTx, id: number): ContractRow | undefined {
  return db.select(contractColumns).from(contracts).innerJoin(clients, eq(clients.id, contracts.clientId)).where(eq(contracts.id, id)).get();
}

/** Moves a draft contract to another client (only while nothing of it is signed). */
export function setContractClient(db: DbOrTx, id: number, clientId: number, now: string): void {
  db.update(contracts).set({ clientId, updatedAt: now }).where(eq(contracts.id, id)).run();
}

/** How many invoices or drafts were started from the contract. */
export function invoicesFromContract(db: DbOrTx, contractId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(invoices).where(eq(invoices.contractId, contractId)).get()!.n;
}

export function setTimesheetAppendix(db: DbOrTx, id: number, on: boolean, now: string): void {
  db.update(contracts).set({ timesheetAppendix: on, updatedAt: now }).where(eq(contracts.id, id)).run();
}

export function setContractStatus(db: DbOrTx, id: number, status: ContractStatus, now: string): void {
  db.update(contracts).set({ status, updatedAt: now }).where(eq(contracts.id, id)).run();
}

/** A contract's versions, oldest first. */
export function listVersions(db: DbOrTx, contractId: number): StoredVersion[] {
  return db.select().from(contractVersions).where(eq(contractVersions.contractId, contractId)).orderBy(asc(contractVersions.versionNumber)).all().map(fromRow);
}

export function getVersionSnapshot(db: DbOrTx, versionId: number): { contractId: number; versionNumber: number; snapshot: ContractSnapshot | null; pdfSha256: string | null } | undefined {
  const row = db
    .select({ contractId: contractVersions.contractId, versionNumber: contractVersions.versionNumber, snapshot: contractVersions.snapshot, pdfSha256: contractVersions.pdfSha256 })
    .from(contractVersions)
    .where(eq(contractVersions.id, versionId))
    .get();
  return row ? { ...row, snapshot: row.snapshot as ContractSnapshot | null } : undefined;
}

/**
 * Every contract's id, status, client name and title (of its latest signed version, else its
 * latest draft), newest first: what a grid of contracts names, without loading every version.
 */
export function contractHeads(db: DbOrTx): { id: number; status: ContractStatus; clientName: string; title: string }[] {
  return db.all(sql`
    select c.id, c.status, cl.name as clientName,
      (select v.title from contract_versions v where v.contract_id = c.id order by v.signed_at is not null desc, v.version_number desc limit 1) as title
    from contracts c join clients cl on cl.id = c.client_id
    order by c.id desc`);
}

/** Contracts, newest first, filtered by status and client, each with its versions (oldest first). */
export function listContracts(db: DbOrTx, filter: { status: ContractStatus | readonly ContractStatus[] | null; clientId: number | null }): (ContractRow & { versions: StoredVersion[] })[] {
  const where: SQL[] = [];
  if (typeof filter.status === 'string') where.push(eq(contracts.status, filter.status));
  else if (filter.status) where.push(inArray(contracts.status, [...filter.status]));
  if (filter.clientId !== null) where.push(eq(contracts.clientId, filter.clientId));
  const rows = db.select(contractColumns).from(contracts).innerJoin(clients, eq(clients.id, contracts.clientId)).where(and(...where)).orderBy(desc(contracts.id)).all();
  if (rows.length === 0) return [];
  const byContract = new Map<number, StoredVersion[]>();
  const versions = db
    .select()
    .from(contractVersions)
    .where(inArray(contractVersions.contractId, rows.map((r) => r.id)))
    .orderBy(asc(contractVersions.versionNumber))
    .all();
  for (const v of versions) byContract.set(v.contractId, [...(byContract.get(v.contractId) ?? []), fromRow(v)]);
  return rows.map((r) => ({ ...r, versions: byContract.get(r.id)! }));
}

/**
 * The periods of a client's engagements (signed, active or ended contracts), for continuous
 * engagement: each contract's first start and the latest end of its versions (null = ongoing).
 */
export function engagementPeriods(db: DbOrTx, clientId: number, exceptContractId: number | null): { start: string; end: string | null }[] {
  const rows = db
    .select({ id: contracts.id, start: sql<string>`min(${contractVersions.startDate})`, end: sql<string | null>`case when sum(${contractVersions.endDate} is null) > 0 then null else max(${contractVersions.endDate}) end` })
    .from(contracts)
    .innerJoin(contractVersions, eq(contractVersions.contractId, contracts.id))
    .where(and(eq(contracts.clientId, clientId), inArray(contracts.status, ['signed', 'active', 'ended']), sql`${contractVersions.signedAt} is not null`))
    .groupBy(contracts.id)
    .all();
  return rows.filter((r) => r.id !== exceptContractId).map(({ start, end }) => ({ start, end }));
}

/**
 * What issued invoices started from a contract have billed, for its budget: their net (minor
 * units; credit notes not deducted) and their fee lines' quantity and unit. Drafts are not billed yet.
 */
export function contractBilled(db: DbOrTx, contractId: number): { netMinor: number; lines: { quantity: string; unit: string }[] } {
  const net = db.select({ n: sql<number>`coalesce(sum(${invoices.net}), 0)` }).from(invoices).where(and(eq(invoices.contractId, contractId), eq(invoices.kind, 'invoice'), eq(invoices.status, 'issued'))).get()!.n;
  const lines = db
    .select({ quantity: invoiceLines.quantity, unit: invoiceLines.unit })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoices.contractId, contractId), eq(invoices.kind, 'invoice'), eq(invoices.status, 'issued'), eq(invoiceLines.kind, 'fee')))
    .all();
  return { netMinor: net, lines };
}

/** Insert-only: the countersigned PDF the client returned, by hash. */
export function insertContractDocument(db: DbOrTx, doc: { contractVersionId: number; sha256: string; fileName: string; byteSize: number }, now: string): number {
  return db.insert(contractDocuments).values({ ...doc, kind: 'countersigned', createdAt: now }).returning({ id: contractDocuments.id }).get().id;
}

export function listContractDocuments(db: DbOrTx, contractId: number): { id: number; contractVersionId: number; sha256: string; fileName: string; byteSize: number; createdAt: string }[] {
  return db
    .select({ id: contractDocuments.id, contractVersionId: contractDocuments.contractVersionId, sha256: contractDocuments.sha256, fileName: contractDocuments.fileName, byteSize: contractDocuments.byteSize, createdAt: contractDocuments.createdAt })
    .from(contractDocuments)
    .innerJoin(contractVersions, eq(contractVersions.id, contractDocuments.contractVersionId))
    .where(eq(contractVersions.contractId, contractId))
    .orderBy(asc(contractDocuments.id))
    .all();
}

