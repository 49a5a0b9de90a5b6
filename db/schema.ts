import { sql } from 'drizzle-orm';
import type { CurrencyCode } from '../shared/reference/currencies';
import { LEAD_SOURCES } from '../shared/leads/sources';
import { LEAD_STAGES, LOST_REASONS } from '../shared/leads/stages';
import { TAX_NUMBER_CHECK_METHODS, TAX_NUMBER_CHECK_RESULTS } from '../shared/tax/vat-number';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

const address = {
  addressLine1: text('address_line1'),
  addressLine2: text('address_line2'),
  city: text('city'),
  region: text('region'),
  postalCode: text('postal_code'),
};

/** The user's own business: exactly one row, created at onboarding. */
export const businessProfile = sqliteTable(
  'business_profile',
  {
    id: integer('id').primaryKey(),
    businessName: text('business_name').notNull(),
    legalName: text('legal_name'),
    ...address,
    addressLine1: text('address_line1').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull(),
    homeCurrency: text('home_currency').$type<CurrencyCode>().notNull(),
    vatRegistered: integer('vat_registered', { mode: 'boolean' }).notNull(),
    vatNumber: text('vat_number'),
    vatScheme: text('vat_scheme', { enum: ['standard', 'flat-rate', 'cash-accounting', 'small-business-exemption'] })
      .notNull()
      .default('standard'),
    companyNumber: text('company_number'),
    /** IANA zone whose calendar decides "today" for due dates and overdue status; null = the computer's zone. */
    timeZone: text('time_zone'),
    defaultPaymentTermsDays: integer('default_payment_terms_days').notNull(),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    logoMimeType: text('logo_mime_type'),
    logo: blob('logo', { mode: 'buffer' }),
    /** Hash of `logo`, so issuing can refer to it without reading the image. */
    logoSha256: text('logo_sha256'),
    ...timestamps,
  },
  (t) => [
    check('business_profile_singleton', sql`${t.id} = 1`),
    check('business_profile_terms', sql`typeof(${t.defaultPaymentTermsDays}) = 'integer'`),
  ],
);

export const bankAccounts = sqliteTable(
  'bank_accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    currency: text('currency').$type<CurrencyCode>().notNull(),
    accountHolder: text('account_holder').notNull(),
    bankName: text('bank_name'),
    iban: text('iban'),
    bic: text('bic'),
    accountNumber: text('account_number'),
    sortCode: text('sort_code'),
    routingNumber: text('routing_number'),
    details: text('details'),
  },
  (t) => [uniqueIndex('bank_accounts_currency_unique').on(t.currency)],
);

export const clients = sqliteTable(
  'clients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    country: text('country').notNull(),
    ...address,
    timezone: text('timezone').notNull(),
    currency: text('currency').$type<CurrencyCode>().notNull(),
    customerType: text('customer_type', { enum: ['business', 'consumer'] }).notNull(),
    taxNumber: text('tax_number'),
    /** Evidence for the tax number (Implementing Reg. 282/2011 Art 18): when, how and with what result it was last checked. */
    taxNumberCheckedAt: text('tax_number_checked_at'),
    taxNumberCheckMethod: text('tax_number_check_method', { enum: TAX_NUMBER_CHECK_METHODS }),
    taxNumberCheckResult: text('tax_number_check_result', { enum: TAX_NUMBER_CHECK_RESULTS }),
    paymentTermsDays: integer('payment_terms_days'),
    notes: text('notes'),
    /** JSON array of strings; small, always read with the client. */
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    archivedAt: text('archived_at'),
    /**
     * Print the reverse-charge mention in the client's own language (shared/vat/reverse-charge-wording.ts)
     * beside the English note, for clients whose bookkeepers look for it.
     */
    printLocalReverseCharge: integer('print_local_reverse_charge', { mode: 'boolean' }).notNull().default(false),
    /**
     * The searchable fields (name, legal name, tax number, city, tags) case-folded and without
     * accents (shared/clients/search.ts), because SQLite's LIKE folds ASCII only. Written with
     * every change of those fields; '' only until the first open after the migration fills it.
     */
    searchText: text('search_text').notNull().default(''),
    /** The name folded the same way: the sort key for "Name", so École sorts beside Ecole. */
    nameKey: text('name_key').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('clients_name_idx').on(t.name),
    index('clients_name_key_idx').on(t.nameKey),
    index('clients_country_idx').on(t.country),
    index('clients_created_idx').on(t.createdAt),
    index('clients_updated_idx').on(t.updatedAt),
    check('clients_customer_type', sql`${t.customerType} in ('business', 'consumer')`),
    check('clients_terms', sql`${t.paymentTermsDays} is null or typeof(${t.paymentTermsDays}) = 'integer'`),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    isBilling: integer('is_billing', { mode: 'boolean' }).notNull().default(false),
    /** Name and email folded for search, like clients.search_text. */
    searchText: text('search_text').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('contacts_client_idx').on(t.clientId),
    uniqueIndex('contacts_one_billing_per_client').on(t.clientId).where(sql`${t.isBilling} = 1`),
  ],
);

/** A money column: integer minor units, and SQLite must not store 10.5 in it. */
function moneyCheck(name: string, column: { name: string }) {
  return check(name, sql`typeof(${sql.identifier(column.name)}) = 'integer'`);
}

/** App-wide invoicing settings, one row, as JSON validated by shared/api/settings.ts. */
export const appSettings = sqliteTable(
  'app_settings',
  {
    id: integer('id').primaryKey(),
    invoicing: text('invoicing', { mode: 'json' }).notNull(),
    /** Time-tracking settings as JSON (shared/api/time.ts); null until first saved. */
    time: text('time', { mode: 'json' }),
    /** UK VAT return settings as JSON (shared/api/vat-return.ts): frequency, registration date, flat rate; null until first saved. */
    vatReturn: text('vat_return', { mode: 'json' }),
    /** Lead settings as JSON (shared/api/leads.ts): agency domains, staleness, stage probabilities, working hours, call length; null until first saved. */
    leads: text('leads', { mode: 'json' }),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('app_settings_singleton', sql`${t.id} = 1`)],
);

/** The next number per series and year (year 0 when a series never resets). */
export const numberSeries = sqliteTable(
  'number_series',
  {
    series: text('series', { enum: ['invoice', 'credit-note'] }).notNull(),
    year: integer('year').notNull(),
    next: integer('next').notNull(),
  },
  (t) => [uniqueIndex('number_series_key').on(t.series, t.year), check('number_series_next', sql`${t.next} >= 1`)],
);

/**
 * Numbers given to documents that are no longer in this file (issued after the backup it was
 * restored from). They may already be with a client, so they are never given again.
 */
export const retiredNumbers = sqliteTable('retired_numbers', {
  number: text('number').primaryKey(),
  reason: text('reason').notNull(),
  retiredAt: text('retired_at').notNull(),
});

export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['invoice', 'credit-note'] }).notNull(),
    status: text('status', { enum: ['draft', 'issued'] }).notNull(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    number: text('number'),
    currency: text('currency').$type<CurrencyCode>().notNull(),
    issueDate: text('issue_date').notNull(),
    dueDate: text('due_date').notNull(),
    /** The user's own tax point; null while the rules derive it (shared/vat/tax-point.ts). On issue, the tax point used. */
    taxPoint: text('tax_point'),
    /** Why the user set their own tax point; required with an override. */
    taxPointReason: text('tax_point_reason'),
    /** Services supplied over a period and paid periodically: changes the tax-point rule (rules §2.4). */
    continuousSupply: integer('continuous_supply', { mode: 'boolean' }).notNull().default(false),
    /** Unit prices include VAT; the VAT is taken out of the line totals (rules §3.4). */
    pricesIncludeVat: integer('prices_include_vat', { mode: 'boolean' }).notNull().default(false),
    supplyStart: text('supply_start'),
    supplyEnd: text('supply_end'),
    poNumber: text('po_number'),
    notes: text('notes'),
    paymentTermsDays: integer('payment_terms_days').notNull(),
    /** The user's VAT treatment override ({ category, rate, reason }), recorded with the invoice. */
    vatOverride: text('vat_override', { mode: 'json' }),
    discountPercent: text('discount_percent'),
    withholdingPercent: text('withholding_percent'),
    fxRate: text('fx_rate'),
    fxSource: text('fx_source'),
    fxDate: text('fx_date'),
    creditForId: integer('credit_for_id').references((): AnySQLiteColumn => invoices.id, { onDelete: 'restrict' }),
    creditReason: text('credit_reason'),
    /** The contract a draft was started from; its terms filled the client, currency, terms, PO and rate. */
    contractId: integer('contract_id').references((): AnySQLiteColumn => contracts.id, { onDelete: 'restrict' }),
    /** The first day of the contract billing period a billing run drafted this invoice for; unique per contract, so two runs can't draft one period twice. */
    billingPeriodStart: text('billing_period_start'),
    /** Print the timesheet (date, hours, note of each linked time entry) as an appendix to the PDF. */
    timesheetAppendix: integer('timesheet_appendix', { mode: 'boolean' }).notNull().default(false),
    /** Totals in minor units, kept for lists and reports; the snapshot is the legal record. */
    net: integer('net').notNull(),
    vat: integer('vat').notNull(),
    gross: integer('gross').notNull(),
    payable: integer('payable').notNull(),
    /**
     * A foreign-currency document's value in the home currency (minor units), set when it is
     * issued at its fx rate: net and VAT for the VAT return (Box 6, Box 1), gross for payments.
     */
    homeNet: integer('home_net'),
    homeVat: integer('home_vat'),
    homeGross: integer('home_gross'),
    issuedAt: text('issued_at'),
    /** Everything printed, frozen at issue: supplier, client, lines, totals, notes, rate. */
    snapshot: text('snapshot', { mode: 'json' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('invoices_number_unique').on(t.number),
    // Client then date: a client's documents come out newest first without a sort.
    index('invoices_client_date_idx').on(t.clientId, t.issueDate),
    index('invoices_issue_date_idx').on(t.issueDate),
    index('invoices_status_date_idx').on(t.status, t.issueDate),
    // A VAT return reads one period's issued documents by tax point from this index alone: it holds the two
    // figures the return takes from the snapshot, so no snapshot is parsed (db/vat-returns.ts reads them by these very expressions).
    index('invoices_vat_return_idx').on(
      t.status,
      t.taxPoint,
      t.id,
      t.kind,
      t.number,
      t.currency,
      t.net,
      t.vat,
      t.gross,
      t.homeNet,
      t.homeVat,
      t.homeGross,
      sql`coalesce(json_extract(snapshot, '$.calculation.totals.disbursements'), 0)`,
      sql`json_extract(snapshot, '$.treatment.category')`,
    ),
    // The dashboard's reads cover themselves: an invoice row holds its snapshot before the home values, so reading them from the row costs overflow pages.
    index('invoices_report_date_idx').on(t.status, t.issueDate, t.clientId, t.currency, t.kind, t.net, t.homeNet),
    index('invoices_report_id_idx').on(t.id, t.clientId, t.kind, t.number, t.issueDate, t.dueDate, t.currency, t.gross, t.homeGross),
    // Covers the totals per currency, so summing every issued document reads no invoice row.
    index('invoices_status_currency_idx').on(t.status, t.currency, t.kind, t.payable),
    index('invoices_credit_for_idx').on(t.creditForId),
    index('invoices_contract_idx').on(t.contractId),
    uniqueIndex('invoices_contract_period_unique').on(t.contractId, t.billingPeriodStart).where(sql`billing_period_start is not null`),
    check('invoices_issued_complete', sql`${t.status} = 'draft' or (${t.number} is not null and ${t.snapshot} is not null and ${t.issuedAt} is not null)`),
    moneyCheck('invoices_net_integer', t.net),
    moneyCheck('invoices_vat_integer', t.vat),
    moneyCheck('invoices_gross_integer', t.gross),
    moneyCheck('invoices_payable_integer', t.payable),
  ],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    kind: text('kind', { enum: ['fee', 'discount', 'expense', 'disbursement'] }).notNull(),
    quantity: text('quantity').notNull(),
    unit: text('unit', { enum: ['hour', 'day', 'item', 'fixed'] }).notNull(),
    unitPrice: text('unit_price').notNull(),
    /**
     * Where a fee line's price came from, when it is the rate of the contract the draft was started
     * from: the list rate (major units) and its currency, the discount and why. Null otherwise.
     */
    listRate: text('list_rate'),
    listCurrency: text('list_currency').$type<CurrencyCode>(),
    discountPercent: text('discount_percent'),
    discountReason: text('discount_reason'),
    /** On a credit note: the invoice line it credits. */
    creditsLineId: integer('credits_line_id').references((): AnySQLiteColumn => invoiceLines.id, { onDelete: 'restrict' }),
  },
  (t) => [index('invoice_lines_invoice_idx').on(t.invoiceId, t.position)],
);

/**
 * The issued PDF, kept by its SHA-256 so a reprint is byte-identical. The bytes live in the
 * documents store beside the data file (db/documents.ts); `pdf` holds them only for a document
 * stored before the store existed, until the app moves it out (migration 0013) and sets it to null.
 */
export const invoiceDocuments = sqliteTable('invoice_documents', {
  invoiceId: integer('invoice_id')
    .primaryKey()
    .references(() => invoices.id, { onDelete: 'restrict' }),
  pdf: blob('pdf', { mode: 'buffer' }),
  sha256: text('sha256').notNull(),
  createdAt: text('created_at').notNull(),
});

export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    date: text('date').notNull(),
    amount: integer('amount').notNull(),
    bankFee: integer('bank_fee').notNull().default(0),
    /** For a foreign-currency invoice: what arrived, in the home currency's minor units. */
    homeAmount: integer('home_amount'),
    method: text('method').notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // By invoice, carrying the date: each invoice's last payment date (payment habits) reads no payment row.
    index('payments_invoice_date_idx').on(t.invoiceId, t.date),
    // A cash-accounting VAT return reads one period's payments.
    index('payments_date_idx').on(t.date),
    moneyCheck('payments_amount_integer', t.amount),
    moneyCheck('payments_bank_fee_integer', t.bankFee),
    check('payments_amount_positive', sql`${t.amount} > 0 and ${t.bankFee} >= 0`),
  ],
);

/**
 * Where each issued document stands, kept exact by triggers on issuing, crediting and payments
 * (migration 0010), so the list can filter and page by status in SQL: issued rows never change,
 * so the balance lives beside them. `state` is the part of the status that does not depend on
 * today: 'unpaid' | 'part-paid' | 'paid' | 'credited' for invoices, 'note' for credit notes;
 * overdue is an unpaid or part-paid invoice past its due date. Amounts in minor units; issue
 * date and payable are copied from the (immutable) issued row for the index.
 */
export const invoiceBalances = sqliteTable(
  'invoice_balances',
  {
    invoiceId: integer('invoice_id')
      .primaryKey()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    issueDate: text('issue_date').notNull(),
    payable: integer('payable').notNull(),
    paid: integer('paid').notNull().default(0),
    credited: integer('credited').notNull().default(0),
    state: text('state', { enum: ['unpaid', 'part-paid', 'paid', 'credited', 'note'] }).notNull(),
    // Copied at issue (migration 0027) for the dashboard's index; always set, nullable only because they were added later.
    dueDate: text('due_date'),
    clientId: integer('client_id'),
    currency: text('currency').$type<CurrencyCode>(),
    /** The latest payment's date; null without payments. */
    lastPaid: text('last_paid'),
  },
  (t) => [
    index('invoice_balances_state_idx').on(t.state, t.issueDate),
    // The open invoices (overdue or not yet) by date: two states in one index, so the overdue list needs no sort.
    index('invoice_balances_open_idx').on(t.issueDate).where(sql`state in ('unpaid', 'part-paid')`),
    // Aged debt and the cash forecast sum open invoices by due date from this index alone; its order (due date, id) is the aged list's.
    index('invoice_balances_open_due_idx')
      .on(t.dueDate, t.invoiceId, t.currency, t.clientId, t.payable, t.paid, t.credited)
      .where(sql`state in ('unpaid', 'part-paid')`),
  ],
);

/**
 * Open invoices per due date and currency (migration 0027, recomputed by triggers for the day and
 * currency a balance or a late home value touches): how many, what they still owe in that currency,
 * and the sum of each valued one's half-up share of its home gross, so aged debt reads one row per
 * day, not per invoice. A share too large for SQLite's 64-bit product is only counted
 * (`too_large`): the dashboard then values foreign invoices one by one.
 */
export const openDebtByDueDate = sqliteTable(
  'open_debt_by_due_date',
  {
    dueDate: text('due_date').notNull(),
    currency: text('currency').$type<CurrencyCode>().notNull(),
    count: integer('count').notNull(),
    outstanding: integer('outstanding').notNull(),
    valued: integer('valued').notNull(),
    homeOutstanding: integer('home_outstanding').notNull(),
    tooLarge: integer('too_large').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dueDate, t.currency] })],
);

/**
 * Each client's paid invoices (state 'paid' with a payment): how many, and the sums of whole days
 * from issue and from due date to the last payment, kept by triggers on invoice_balances
 * (migration 0027) so payment habits are one read, not a pass over every payment.
 */
export const clientPaymentHabits = sqliteTable('client_payment_habits', {
  clientId: integer('client_id')
    .primaryKey()
    .references(() => clients.id, { onDelete: 'cascade' }),
  paidCount: integer('paid_count').notNull(),
  daysToPay: integer('days_to_pay').notNull(),
  daysLate: integer('days_late').notNull(),
});

/** Stored exchange rates: units of `currency` per 1 unit of `homeCurrency`. */
export const exchangeRates = sqliteTable(
  'exchange_rates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    homeCurrency: text('home_currency').$type<CurrencyCode>().notNull(),
    currency: text('currency').$type<CurrencyCode>().notNull(),
    rate: text('rate').notNull(),
    source: text('source').notNull(),
    date: text('date').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('exchange_rates_unique').on(t.homeCurrency, t.currency, t.source, t.date)],
);

/**
 * The home-currency value of a foreign document issued before values were stored with it, at a
 * rate the user supplied later. Insert-only: the document's frozen snapshot is never rewritten.
 */
export const documentHomeValues = sqliteTable(
  'document_home_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    rate: text('rate').notNull(),
    source: text('source').notNull(),
    date: text('date').notNull(),
    /** The home currency the value is in (the profile's when it was added); written with every row. */
    homeCurrency: text('home_currency').$type<CurrencyCode>(),
    homeNet: integer('home_net').notNull(),
    homeVat: integer('home_vat').notNull(),
    homeGross: integer('home_gross').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [
    uniqueIndex('document_home_values_invoice_unique').on(t.invoiceId),
    moneyCheck('document_home_values_net_integer', t.homeNet),
    moneyCheck('document_home_values_vat_integer', t.homeVat),
    moneyCheck('document_home_values_gross_integer', t.homeGross),
  ],
);

/** Logos printed on issued documents, stored once by content hash and never changed. */
export const logos = sqliteTable('logos', {
  sha256: text('sha256').primaryKey(),
  mimeType: text('mime_type').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
});

/** A named price for work: per hour, per day or fixed. Its amounts live in dated versions. */
export const rateCards = sqliteTable(
  'rate_cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    unit: text('unit', { enum: ['hour', 'day', 'fixed'] }).notNull(),
    currency: text('currency').$type<CurrencyCode>().notNull(),
    /** The business's default card, offered first on a new contract; at most one. */
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('rate_cards_name_unique').on(sql`${t.name} collate nocase`),
    uniqueIndex('rate_cards_one_default').on(t.isDefault).where(sql`${t.isDefault} = 1`),
    check('rate_cards_unit', sql`${t.unit} in ('hour', 'day', 'fixed')`),
  ],
);

/** A rate card's price from a date on. Versions are added, never changed, so work already done keeps its price. */
export const rateCardVersions = sqliteTable(
  'rate_card_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    rateCardId: integer('rate_card_id')
      .notNull()
      .references(() => rateCards.id, { onDelete: 'cascade' }),
    effectiveFrom: text('effective_from').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    /** Decimal hours in a day ("7.5") for day rates. */
    hoursPerDay: text('hours_per_day'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('rate_card_versions_date_unique').on(t.rateCardId, t.effectiveFrom),
    moneyCheck('rate_card_versions_amount_integer', t.amountMinor),
    check('rate_card_versions_amount_positive', sql`${t.amountMinor} > 0`),
  ],
);

/** A named discount: one tier from 0 months is a flat discount (retained work); more are long-term tiers. */
export const discountRules = sqliteTable(
  'discount_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('discount_rules_name_unique').on(sql`${t.name} collate nocase`)],
);

export const discountTiers = sqliteTable(
  'discount_tiers',
  {
    ruleId: integer('rule_id')
      .notNull()
      .references(() => discountRules.id, { onDelete: 'cascade' }),
    fromMonths: integer('from_months').notNull(),
    /** Decimal percent text ("7.5"), exact. */
    percent: text('percent').notNull(),
  },
  (t) => [uniqueIndex('discount_tiers_key').on(t.ruleId, t.fromMonths), check('discount_tiers_months', sql`typeof(${t.fromMonths}) = 'integer' and ${t.fromMonths} >= 0`)],
);

/** An engagement with a client. Its terms live in versions: the original and each amendment. */
export const contracts = sqliteTable(
  'contracts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    status: text('status', { enum: ['draft', 'sent', 'signed', 'active', 'ended', 'cancelled'] }).notNull(),
    /** Invoices drafted from this contract print a timesheet appendix: a preference, not a term, so it is not versioned. */
    timesheetAppendix: integer('timesheet_appendix', { mode: 'boolean' }).notNull().default(false),
    ...timestamps,
  },
  (t) => [index('contracts_client_idx').on(t.clientId), index('contracts_status_idx').on(t.status), check('contracts_status', sql`${t.status} in ('draft', 'sent', 'signed', 'active', 'ended', 'cancelled')`)],
);

/**
 * One version of a contract's terms, from `effective_from` on. Signing freezes it (a trigger
 * refuses any change or delete); a later change is a new version, an amendment.
 */
export const contractVersions = sqliteTable(
  'contract_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    title: text('title').notNull(),
    scope: text('scope').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    noticeAmount: integer('notice_amount').notNull(),
    noticeUnit: text('notice_unit', { enum: ['day', 'week', 'month'] }).notNull(),
    rateCardId: integer('rate_card_id')
      .notNull()
      .references(() => rateCards.id, { onDelete: 'restrict' }),
    /** The card version the rate was resolved from, and what it said: the card may change later. */
    rateCardVersionFrom: text('rate_card_version_from').notNull(),
    unit: text('unit', { enum: ['hour', 'day', 'fixed'] }).notNull(),
    hoursPerDay: text('hours_per_day'),
    listAmountMinor: integer('list_amount_minor').notNull(),
    listCurrency: text('list_currency').$type<CurrencyCode>().notNull(),
    discountRuleId: integer('discount_rule_id').references(() => discountRules.id, { onDelete: 'restrict' }),
    /** Decimal percent applied ("10"; "0" for none), and why: the rule's tier or the user's reason. */
    discountPercent: text('discount_percent').notNull(),
    discountReason: text('discount_reason'),
    currency: text('currency').$type<CurrencyCode>().notNull(),
    fxMode: text('fx_mode', { enum: ['fixed', 'billing-date'] }),
    /** Units of `currency` per 1 unit of `list_currency`, and the date it is for. */
    fxRate: text('fx_rate'),
    fxDate: text('fx_date'),
    /** The rate after discount and conversion: an exact decimal in major units of `currency` per unit. */
    resolvedRate: text('resolved_rate').notNull(),
    billingCycle: text('billing_cycle', { enum: ['weekly', 'fortnightly', 'semi-monthly', 'monthly', 'milestones', 'completion'] }).notNull(),
    billingAnchor: text('billing_anchor'),
    /** A continuous supply of services (retainers, periodic billing): its invoices' tax point is the invoice or the payment, whichever comes first (rules §2.4, a contract-level judgement). */
    continuousSupply: integer('continuous_supply', { mode: 'boolean' }).notNull().default(false),
    paymentTermsDays: integer('payment_terms_days').notNull(),
    poNumber: text('po_number'),
    roundingMode: text('rounding_mode', { enum: ['none', 'up', 'nearest'] }).notNull(),
    roundingIncrement: integer('rounding_increment').notNull(),
    roundingScope: text('rounding_scope', { enum: ['entry', 'day'] }).notNull(),
    expensePolicy: text('expense_policy', { enum: ['at-cost', 'markup', 'not-rebillable'] }).notNull(),
    expenseMarkupPercent: text('expense_markup_percent'),
    expenseCapMinor: integer('expense_cap_minor'),
    retainerFeeMinor: integer('retainer_fee_minor'),
    retainerIncludedHours: text('retainer_included_hours'),
    retainerOverageMinor: integer('retainer_overage_minor'),
    retainerRollover: integer('retainer_rollover', { mode: 'boolean' }),
    retainerRolloverCapHours: text('retainer_rollover_cap_hours'),
    budgetKind: text('budget_kind', { enum: ['hours', 'money'] }),
    budgetAmount: text('budget_amount'),
    ir35Status: text('ir35_status', { enum: ['inside', 'outside', 'not-assessed'] }),
    sdsReceived: integer('sds_received', { mode: 'boolean' }),
    sdsDate: text('sds_date'),
    /** Set when signed; from then on the row never changes. */
    signedAt: text('signed_at'),
    /** Everything the signed PDF prints (shared/contracts/snapshot.ts), frozen at signing. */
    snapshot: text('snapshot', { mode: 'json' }),
    /** SHA-256 of the signed PDF in the documents store. */
    pdfSha256: text('pdf_sha256'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('contract_versions_number_unique').on(t.contractId, t.versionNumber),
    uniqueIndex('contract_versions_effective_unique').on(t.contractId, t.effectiveFrom),
    check('contract_versions_signed_complete', sql`${t.signedAt} is null or (${t.snapshot} is not null and ${t.pdfSha256} is not null)`),
    check('contract_versions_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    moneyCheck('contract_versions_list_amount_integer', t.listAmountMinor),
    check('contract_versions_list_amount_positive', sql`${t.listAmountMinor} > 0`),
    check('contract_versions_terms_integer', sql`typeof(${t.paymentTermsDays}) = 'integer' and ${t.paymentTermsDays} >= 0`),
    check('contract_versions_money_integer', sql`(${t.expenseCapMinor} is null or (typeof(${t.expenseCapMinor}) = 'integer' and ${t.expenseCapMinor} >= 0)) and (${t.retainerFeeMinor} is null or (typeof(${t.retainerFeeMinor}) = 'integer' and ${t.retainerFeeMinor} > 0)) and (${t.retainerOverageMinor} is null or (typeof(${t.retainerOverageMinor}) = 'integer' and ${t.retainerOverageMinor} >= 0))`),
  ],
);

/** PDFs kept for a contract version, by hash in the documents store: the countersigned copy the client returned. Insert-only. */
export const contractDocuments = sqliteTable(
  'contract_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractVersionId: integer('contract_version_id')
      .notNull()
      .references(() => contractVersions.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['countersigned'] }).notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    byteSize: integer('byte_size').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('contract_documents_version_idx').on(t.contractVersionId)],
);

/**
 * Work done on a contract. Raw figures only: the contract's rounding is applied when work is
 * priced, never stored. A running timer is the one row with no duration yet (a partial unique
 * index allows one), so it survives a restart or a crash. An entry typed as a duration on a day
 * has no start or end.
 */
export const timeEntries = sqliteTable(
  'time_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'restrict' }),
    /** UTC instants, ISO 8601 with `Z`. */
    startedAt: text('started_at'),
    endedAt: text('ended_at'),
    /** Raw seconds worked; null while the timer runs. */
    durationSeconds: integer('duration_seconds'),
    /** The user's local calendar day the work belongs to: the day it started, in the business's time zone. */
    workDate: text('work_date').notNull(),
    note: text('note').notNull().default(''),
    billable: integer('billable', { mode: 'boolean' }).notNull().default(true),
    /** The invoice line that bills it, kept by triggers from invoice_line_sources (the record of truth), so unbilled work reads a small partial index. */
    invoiceLineId: integer('invoice_line_id'),
    ...timestamps,
  },
  (t) => [
    index('time_entries_date_idx').on(t.workDate),
    index('time_entries_unbilled_idx').on(t.contractId, t.workDate, t.durationSeconds, t.billable, t.invoiceLineId).where(sql`invoice_line_id is null and billable = 1 and duration_seconds is not null`),
    index('time_entries_contract_date_idx').on(t.contractId, t.workDate),
    uniqueIndex('time_entries_one_running').on(sql`(duration_seconds is null)`).where(sql`duration_seconds is null`),
    check(
      'time_entries_shape',
      sql`(${t.durationSeconds} is null and ${t.startedAt} is not null and ${t.endedAt} is null) or (typeof(${t.durationSeconds}) = 'integer' and ${t.durationSeconds} >= 0 and (${t.startedAt} is null) = (${t.endedAt} is null))`,
    ),
  ],
);

/**
 * Money the business spent. `amount_minor` is what was paid, VAT included; `vat_minor` is the VAT
 * in it. A rebillable expense belongs to a contract and goes on its invoice as a recharge (part of
 * the supply, VAT as the fee) or a disbursement (outside the scope; rules §1.6). A receipt is a
 * file in the documents store, by SHA-256.
 */
export const expenses = sqliteTable(
  'expenses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    expenseDate: text('expense_date').notNull(),
    category: text('category', { enum: ['travel', 'accommodation', 'meals', 'mileage', 'software', 'equipment', 'office', 'training', 'other'] }).notNull(),
    supplier: text('supplier').notNull(),
    description: text('description').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').$type<CurrencyCode>().notNull(),
    vatMinor: integer('vat_minor').notNull().default(0),
    vatReclaimable: integer('vat_reclaimable', { mode: 'boolean' }).notNull().default(false),
    contractId: integer('contract_id').references(() => contracts.id, { onDelete: 'restrict' }),
    rebillable: integer('rebillable', { mode: 'boolean' }).notNull().default(false),
    rebillKind: text('rebill_kind', { enum: ['recharge', 'disbursement'] }).notNull().default('recharge'),
    /** Units of the contract's currency per 1 unit of `currency`, and the date it is for; set when they differ. */
    fxRate: text('fx_rate'),
    fxDate: text('fx_date'),
    receiptSha256: text('receipt_sha256'),
    receiptFileName: text('receipt_file_name'),
    receiptType: text('receipt_type', { enum: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'] }),
    receiptByteSize: integer('receipt_byte_size'),
    /** The invoice line that rebills it, kept by triggers from invoice_line_sources, as on time entries. */
    invoiceLineId: integer('invoice_line_id'),
    ...timestamps,
  },
  (t) => [
    index('expenses_date_idx').on(t.expenseDate),
    // Covers a VAT return's read of one period's expenses.
    index('expenses_vat_return_idx').on(t.expenseDate, t.id, t.rebillable, t.rebillKind, t.supplier, t.currency, t.amountMinor, t.vatMinor, t.vatReclaimable, t.category),
    index('expenses_unbilled_idx').on(t.contractId, t.expenseDate, t.currency, t.amountMinor, t.rebillable, t.invoiceLineId).where(sql`invoice_line_id is null and rebillable = 1`),
    index('expenses_contract_date_idx').on(t.contractId, t.expenseDate),
    check('expenses_amount', sql`typeof(${t.amountMinor}) = 'integer' and ${t.amountMinor} > 0`),
    check('expenses_vat', sql`typeof(${t.vatMinor}) = 'integer' and ${t.vatMinor} >= 0 and ${t.vatMinor} <= ${t.amountMinor}`),
    check('expenses_rebill_contract', sql`${t.rebillable} = 0 or ${t.contractId} is not null`),
    check('expenses_receipt_complete', sql`(${t.receiptSha256} is null) = (${t.receiptType} is null)`),
  ],
);

/**
 * Where an invoice line came from: one time entry or one expense per row. Each entry and expense
 * is unique here, so nothing is billed twice even if two runs race; deleting a draft (or its
 * line) releases them. Rows on an issued invoice never change (triggers).
 */
export const invoiceLineSources = sqliteTable(
  'invoice_line_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceLineId: integer('invoice_line_id')
      .notNull()
      .references(() => invoiceLines.id, { onDelete: 'cascade' }),
    timeEntryId: integer('time_entry_id').references(() => timeEntries.id, { onDelete: 'restrict' }),
    expenseId: integer('expense_id').references(() => expenses.id, { onDelete: 'restrict' }),
  },
  (t) => [
    index('invoice_line_sources_line_idx').on(t.invoiceLineId),
    uniqueIndex('invoice_line_sources_time_entry_unique').on(t.timeEntryId),
    uniqueIndex('invoice_line_sources_expense_unique').on(t.expenseId),
    check('invoice_line_sources_one', sql`(${t.timeEntryId} is null) <> (${t.expenseId} is null)`),
  ],
);

/**
 * A finalised UK VAT return: the figures as they were declared, never changed (triggers). Records
 * it counted are in vat_return_counts, so a late one falls into the next open period instead.
 */
export const vatReturns = sqliteTable(
  'vat_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    /** HMRC's code for the obligation, typed from the user's HMRC account. */
    periodKey: text('period_key').notNull(),
    /** The scheme it was computed on and the computed return with the records behind each box (shared/vat-return VatReturn), as JSON. */
    scheme: text('scheme', { mode: 'json' }).notNull(),
    result: text('result', { mode: 'json' }).notNull(),
    finalisedAt: text('finalised_at').notNull(),
  },
  (t) => [uniqueIndex('vat_returns_period_unique').on(t.periodStart)],
);

/** Each record (`invoice:12`, `payment:3`, `expense:7`, `reversal:2`) a finalised return counted: once, in one return. */
export const vatReturnCounts = sqliteTable(
  'vat_return_counts',
  {
    sourceKey: text('source_key').primaryKey(),
    returnId: integer('return_id')
      .notNull()
      .references(() => vatReturns.id, { onDelete: 'restrict' }),
  },
  (t) => [index('vat_return_counts_return_idx').on(t.returnId)],
);

/**
 * A payment removed after a finalised cash-accounting return counted it: the return keeps it, and
 * this negative record falls into the next open period (issue 16; Notice 731). Amounts in minor
 * units of the invoice's currency and, when foreign, the home currency.
 */
export const paymentReversals = sqliteTable(
  'payment_reversals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The removed payment's id (the row itself is gone). */
    paymentId: integer('payment_id').notNull(),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    /** ISO date the removal was recorded: the date the reversal is accounted on. */
    date: text('date').notNull(),
    amount: integer('amount').notNull(),
    homeAmount: integer('home_amount'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('payment_reversals_payment_unique').on(t.paymentId),
    // A cash-accounting return reads one period's reversals by date.
    index('payment_reversals_date_idx').on(t.date),
    moneyCheck('payment_reversals_amount_integer', t.amount),
  ],
);

/**
 * Report rollups, kept by SQLite triggers (migration 0022) so the dashboard reads a few hundred
 * rows instead of every time entry and every issued document's lines. Never written by the app.
 */

/** Finished time per contract and calendar month ('YYYY-MM'): all and billable seconds. */
export const timeMonthTotals = sqliteTable(
  'time_month_totals',
  {
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    seconds: integer('seconds').notNull(),
    billableSeconds: integer('billable_seconds').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.month] })],
);

/**
 * Issued documents' nets per issue month and currency (migration 0027, kept by triggers on issue
 * and on a home value arriving later): the own-currency net, the home value of those that have
 * one, and how many have none, so net invoiced per month reads a few rows, not every document.
 */
export const documentMonthTotals = sqliteTable(
  'document_month_totals',
  {
    month: text('month').notNull(),
    currency: text('currency').$type<CurrencyCode>().notNull(),
    net: integer('net').notNull(),
    homeNet: integer('home_net').notNull(),
    unvalued: integer('unvalued').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.currency] })],
);

/**
 * Each client's fees per issue month and currency (migration 0027): the sum over its documents of
 * the net less the rebilled lines' half-up share, taken per document from the own-currency net
 * (`fees`) and from the home value (`home_fees`), exactly as electron/main/reports/fees.ts splits
 * one document. A document whose figures are too large for SQLite's 64-bit product is only
 * counted (`*_too_large`): the dashboard then splits the documents one by one.
 */
export const clientMonthFees = sqliteTable(
  'client_month_fees',
  {
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    currency: text('currency').$type<CurrencyCode>().notNull(),
    fees: integer('fees').notNull(),
    homeFees: integer('home_fees').notNull(),
    feesTooLarge: integer('fees_too_large').notNull(),
    homeFeesTooLarge: integer('home_fees_too_large').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.month, t.currency] }),
    // The effective rates sum a range of months per client from this index alone.
    index('client_month_fees_month_idx').on(t.month, t.clientId, t.currency, t.fees, t.homeFees, t.feesTooLarge, t.homeFeesTooLarge),
  ],
);

/** Finished time per day (ISO date), all contracts: all and billable seconds. */
export const timeDayTotals = sqliteTable('time_day_totals', {
  workDate: text('work_date').primaryKey(),
  seconds: integer('seconds').notNull(),
  billableSeconds: integer('billable_seconds').notNull(),
});

/**
 * An issued document's line amounts split once at issue from its frozen snapshot (in its own
 * currency's minor units): the expense and disbursement lines, and all lines. The document never
 * changes afterwards, so neither does this row.
 */
export const documentLineTotals = sqliteTable('document_line_totals', {
  invoiceId: integer('invoice_id')
    .primaryKey()
    .references(() => invoices.id, { onDelete: 'restrict' }),
  rebilledLines: integer('rebilled_lines').notNull(),
  allLines: integer('all_lines').notNull(),
});

/**
 * A prospective engagement in the pipeline (issue 15; engagement model: a lead becomes a client and
 * a contract). Times are UTC instants (ISO 8601 with `Z`), dates ISO calendar dates.
 */
export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    organisation: text('organisation'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** JSON array of URLs (website, LinkedIn, the job post). */
    links: text('links', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    source: text('source', { enum: LEAD_SOURCES }).notNull(),
    /** Who referred it, which talk or article brought it, which platform. */
    sourceDetail: text('source_detail'),
    /** A third-party recruiter or agency: set by the source or by an agency email domain; hidden by default. */
    recruiter: integer('recruiter', { mode: 'boolean' }).notNull().default(false),
    /** The estimated value in minor units of `currency`; null when not estimated. */
    estimateMinor: integer('estimate_minor'),
    currency: text('currency').$type<CurrencyCode>(),
    expectedStart: text('expected_start'),
    /** The lead's IANA time zone, for the overlap with the user's working hours. */
    timezone: text('timezone'),
    /** ISO 3166-1 alpha-2 country of the organisation: the client's when a proposal is accepted. */
    country: text('country'),
    notes: text('notes').notNull().default(''),
    stage: text('stage', { enum: LEAD_STAGES }).notNull(),
    stageChangedAt: text('stage_changed_at').notNull(),
    lostReason: text('lost_reason', { enum: LOST_REASONS }),
    lostNote: text('lost_note'),
    nextAction: text('next_action'),
    nextActionDue: text('next_action_due'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** The last logged contact (or the creation): what staleness counts from. */
    lastActivityAt: text('last_activity_at').notNull(),
    /** The client it became (or was linked to) when won, and the draft contract made for it. */
    clientId: integer('client_id').references(() => clients.id, { onDelete: 'restrict' }),
    contractId: integer('contract_id').references(() => contracts.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('leads_stage_idx').on(t.stage, t.lastActivityAt),
    index('leads_next_action_idx').on(t.nextActionDue).where(sql`next_action_due is not null`),
    index('leads_client_idx').on(t.clientId),
    // The dashboard's pipeline sums estimates per stage and currency from this index alone: a lead's row is wide (notes, links).
    index('leads_pipeline_idx').on(t.stage, t.currency, t.estimateMinor),
    check('leads_stage', sql`${t.stage} in ('new', 'qualified', 'call-booked', 'call-held', 'proposal-sent', 'negotiating', 'won', 'lost')`),
    check('leads_lost_reason', sql`(${t.stage} = 'lost') = (${t.lostReason} is not null)`),
    check('leads_estimate', sql`${t.estimateMinor} is null or (typeof(${t.estimateMinor}) = 'integer' and ${t.estimateMinor} >= 0 and ${t.currency} is not null)`),
  ],
);

/**
 * One entry on a lead's or a client's timeline: a note, a call or an email logged by hand, a
 * meeting, a stage change or a proposal event. Invoices, payments and contracts come from their own
 * tables when a timeline is read.
 */
export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id').references(() => leads.id, { onDelete: 'cascade' }),
    clientId: integer('client_id').references(() => clients.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['note', 'call', 'email', 'meeting', 'stage', 'proposal'] }).notNull(),
    /** When it happened: a UTC instant. */
    occurredAt: text('occurred_at').notNull(),
    body: text('body').notNull().default(''),
    fromStage: text('from_stage', { enum: LEAD_STAGES }),
    toStage: text('to_stage', { enum: LEAD_STAGES }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('activities_lead_idx').on(t.leadId, t.occurredAt),
    index('activities_client_idx').on(t.clientId, t.occurredAt),
    check('activities_owner', sql`${t.leadId} is not null or ${t.clientId} is not null`),
    check('activities_kind', sql`${t.kind} in ('note', 'call', 'email', 'meeting', 'stage', 'proposal')`),
  ],
);

/**
 * An intro call booked on a lead. `starts_at` is a UTC instant; `uid` and `sequence` make the
 * exported .ics an update of the same event (RFC 5545 §3.8.4.7, §3.8.7.4): the sequence goes up on
 * every reschedule or cancellation.
 */
export const introCalls = sqliteTable(
  'intro_calls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    startsAt: text('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    uid: text('uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    status: text('status', { enum: ['booked', 'held', 'cancelled'] }).notNull(),
    outcome: text('outcome'),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('intro_calls_uid_idx').on(t.uid),
    index('intro_calls_lead_idx').on(t.leadId),
    index('intro_calls_starts_idx').on(t.startsAt),
    check('intro_calls_status', sql`${t.status} in ('booked', 'held', 'cancelled')`),
    check('intro_calls_duration', sql`${t.durationMinutes} > 0 and ${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`),
  ],
);

/**
 * A proposal made to a lead: scope, terms (JSON, shared/api/proposals.ts: rate card, discount,
 * estimate, billing cycle) and how long it stands. Accepting it wins the lead and makes the client
 * and a draft contract carrying these terms.
 */
export const proposals = sqliteTable(
  'proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'restrict' }),
    status: text('status', { enum: ['draft', 'sent', 'accepted', 'declined'] }).notNull(),
    title: text('title').notNull(),
    scope: text('scope').notNull().default(''),
    terms: text('terms', { mode: 'json' }).notNull(),
    validUntil: text('valid_until').notNull(),
    sentAt: text('sent_at'),
    decidedAt: text('decided_at'),
    clientId: integer('client_id').references(() => clients.id, { onDelete: 'restrict' }),
    contractId: integer('contract_id').references(() => contracts.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('proposals_lead_idx').on(t.leadId), check('proposals_status', sql`${t.status} in ('draft', 'sent', 'accepted', 'declined')`)],
);
