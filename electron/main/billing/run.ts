import type { Db, DbOrTx } from '../../../db/client';
import { linkSources } from '../../../db/billing';
import { listContracts } from '../../../db/contracts';
import { getLines } from '../../../db/invoices';
import type { TimeGrouping } from '../../../shared/billing/price-work';
import { AppError } from '../errors';
import { contextLoader } from '../invoicing/context';
import { insertRunDraft, type Prepared } from '../invoicing/drafts';
import { versionRate } from '../contracts/contracts';
import { planInvoice, type InvoicePlan } from './plan';

/**
 * Every signed or active contract with a billing period that has ended or is about to and is not
 * billed yet, each with the invoice the run would draft (lines, net, burn, or the problem that
 * stops it), in client order. `today` is the business's ISO date. With `only`, just those
 * contracts are planned (a run drafts a few of many).
 */
export function dueInvoices(db: DbOrTx, grouping: TimeGrouping, today: string, only?: ReadonlySet<number>): InvoicePlan[] {
  return listContracts(db, { status: ['signed', 'active'], clientId: null })
    .filter((contract) => !only || only.has(contract.id))
    .map((contract) => planInvoice(db, contract, grouping, today))
    .filter((plan): plan is InvoicePlan => plan !== null)
    .sort((a, b) => a.clientName.localeCompare(b.clientName) || a.contractId - b.contractId);
}

/** One draft the run made. */
export interface RunDraft {
  invoiceId: number;
  plan: InvoicePlan;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as { code: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Drafts the due invoices of `contractIds`, all in one transaction: either every draft is written
 * with its lines linked to the time entries and expenses they bill, or nothing is. The plans are
 * made again inside the transaction, so a run always bills what is unbilled at that moment; the
 * unique links (invoice_line_sources) and the unique contract period refuse anything a racing run
 * already billed, and the whole run rolls back. Throws VALIDATION naming a contract that is not
 * due or can't be drafted, CONFLICT when another run got there first.
 */
export function runBilling(db: Db, input: { contractIds: readonly number[]; grouping: TimeGrouping }, now: string, today: string): RunDraft[] {
  try {
    return db.transaction((tx) => {
      const wanted = new Set(input.contractIds);
      const plans = dueInvoices(tx, input.grouping, today, wanted);
      const missing = [...wanted].filter((id) => !plans.some((plan) => plan.contractId === id));
      if (missing.length > 0) {
        const message = `${missing.length === 1 ? 'A chosen contract is' : `${missing.length} chosen contracts are`} no longer due: refresh the list.`;
        throw new AppError('CONFLICT', message);
      }
      const blocked = plans.find((plan) => plan.problem !== null);
      if (blocked) throw new AppError('VALIDATION', `${blocked.reference} ${blocked.clientName}: ${blocked.problem}`, { contractIds: blocked.problem! });
      const context = contextLoader(tx);
      return plans.map((plan) => ({ invoiceId: draftPlan(tx, plan, { context: context(plan.clientId), contractRate: versionRate(plan.version) }, now, today), plan }));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Some of this work was billed by another billing run a moment ago. Nothing was drafted: refresh the list and run again.');
    throw error;
  }
}

/** Writes one plan as a draft and links each line to what it bills; returns the invoice id. */
function draftPlan(db: DbOrTx, plan: InvoicePlan, prepared: Prepared, now: string, today: string): number {
  const v = plan.version;
  const id = insertRunDraft(
    db,
    {
      clientId: plan.clientId,
      currency: plan.currency,
      issueDate: today,
      taxPoint: null,
      taxPointReason: null,
      continuousSupply: v.continuousSupply,
      pricesIncludeVat: false,
      supplyStart: plan.supply.start,
      supplyEnd: plan.supply.end,
      poNumber: v.poNumber,
      notes: null,
      paymentTermsDays: v.paymentTermsDays,
      discountPercent: null,
      withholdingPercent: null,
      vatOverride: null,
      lines: plan.lines.map(({ description, kind, quantity, unit, unitPrice }) => ({ id: null, description, kind, quantity, unit, unitPrice })),
      contractId: plan.contractId,
    },
    { billingPeriodStart: plan.period.start, timesheetAppendix: plan.timesheetAppendix },
    prepared,
    now,
  );
  const stored = getLines(db, id);
  plan.lines.forEach((line, i) => linkSources(db, stored[i]!.id, { timeEntryIds: line.timeEntryIds, expenseIds: line.expenseIds }));
  return id;
}
