import { z } from 'zod';
import { pipelineStageSchema } from './leads';
import { AGE_BUCKETS } from '../reports/aged-debt';

/** Clients listed per client table unless every one is asked for: the latest payers, the highest fees. */
export const TOP_CLIENTS = 10;

export const dashboardQuery = z.object({
  months: z.union([z.literal(12), z.literal(24)], { error: 'Show 12 or 24 months' }).default(12),
  /** Every client in the payment-habit and effective-rate tables, not the top TOP_CLIENTS. */
  allClients: z.boolean({ error: 'Choose yes or no' }).default(false),
});

/** The dashboard's figures, all in the home currency's minor units. */
export const dashboardSchema = z.object({
  homeCurrency: z.string(),
  /** Open leads per stage, recruiters included: value in the home currency and that value weighted by the stage's probability. */
  pipeline: z.array(pipelineStageSchema),
  /** Oldest month first: net invoiced and received, and the same month a year earlier. */
  revenue: z.array(z.object({ month: z.string(), invoiced: z.number().int(), received: z.number().int(), invoicedYearBefore: z.number().int(), receivedYearBefore: z.number().int() })),
  /** Documents and payments in another currency with no home value, left out of the revenue. */
  unvalued: z.number().int(),
  /** What open invoices should bring in over the next 90 days, week by week from today, each expected at its due date plus its client's usual lateness. */
  cashForecast: z.array(z.object({ weekStart: z.string(), amount: z.number().int(), count: z.number().int() })),
  /** Per client with paid invoices, latest payers first: how many, and the average days from issue, and from the due date, to payment. */
  paymentHabits: z.array(z.object({ clientId: z.number(), clientName: z.string(), paidCount: z.number().int(), avgDaysToPay: z.number().int(), avgDaysLate: z.number().int() })),
  /** How many clients have a payment habit: `paymentHabits` holds the top TOP_CLIENTS unless all were asked for. */
  paymentHabitsCount: z.number().int(),
  /** The last 12 weeks, oldest first: time logged (seconds), all and billable, against the weekly capacity the user set. */
  utilisation: z.object({
    capacityHoursPerWeek: z.number().int(),
    weeks: z.array(z.object({ weekStart: z.string(), seconds: z.number().int(), billableSeconds: z.number().int() })),
  }),
  /** Per client over the months shown: fees invoiced (less credit notes) divided by every hour worked for them, billable or not. */
  effectiveRates: z.array(
    z.object({ clientId: z.number(), clientName: z.string(), fees: z.number().int(), seconds: z.number().int(), billableSeconds: z.number().int(), perHour: z.number().int().nullable() }),
  ),
  /** How many clients have fees or time in the months shown: `effectiveRates` holds the top TOP_CLIENTS unless all were asked for. */
  effectiveRatesCount: z.number().int(),
  agedDebt: z.object({
    buckets: z.array(z.object({ bucket: z.enum(AGE_BUCKETS), amount: z.number().int(), count: z.number().int() })),
    /** The oldest 100 open invoices of each bucket; the buckets' totals and counts cover all. */
    invoices: z.array(
      z.object({
        id: z.number(),
        number: z.string(),
        clientName: z.string(),
        dueDate: z.string(),
        daysPastDue: z.number().int(),
        bucket: z.enum(AGE_BUCKETS),
        currency: z.string(),
        outstanding: z.number().int(),
        homeOutstanding: z.number().int().nullable(),
      }),
    ),
  }),
});
export type Dashboard = z.output<typeof dashboardSchema>;

/** Profit for a period in the home currency's minor units (see profitSummary). */
export const profitSummarySchema = z.object({
  homeCurrency: z.string(),
  from: z.string(),
  to: z.string(),
  /** Net invoiced for work, less credit notes. */
  fees: z.number().int(),
  /** Expenses invoiced to clients (recharges and disbursements). */
  rebilledIncome: z.number().int(),
  /** Expenses paid that are rebilled to clients, net of reclaimed VAT. */
  rebillableCosts: z.number().int(),
  /** The business's own expenses, net of reclaimed VAT. */
  ownCosts: z.number().int(),
  profit: z.number().int(),
  /** Records in another currency with no home value, left out. */
  unvalued: z.number().int(),
});
export type ProfitSummary = z.output<typeof profitSummarySchema>;
