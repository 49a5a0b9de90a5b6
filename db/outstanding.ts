import { sql } from 'drizzle-orm';

/**
 * What an invoice still owes, from its `invoice_balances` row aliased `b`, in its currency's minor
 * units: payments take it down, and so do credit notes, whose amounts `credited` holds below zero
 * (migration 0010). Migration 0027's open_invoice_figures view writes the same sum.
 */
export const OUTSTANDING = sql.raw('(b.payable + b.credited - b.paid)');
