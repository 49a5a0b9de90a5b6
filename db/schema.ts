import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    homeCurrency: text('home_currency').notNull(),
    vatRegistered: integer('vat_registered', { mode: 'boolean' }).notNull(),
    vatNumber: text('vat_number'),
    companyNumber: text('company_number'),
    defaultPaymentTermsDays: integer('default_payment_terms_days').notNull(),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    logoMimeType: text('logo_mime_type'),
    logo: blob('logo', { mode: 'buffer' }),
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
    currency: text('currency').notNull(),
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
    currency: text('currency').notNull(),
    customerType: text('customer_type', { enum: ['business', 'consumer'] }).notNull(),
    taxNumber: text('tax_number'),
    paymentTermsDays: integer('payment_terms_days'),
    notes: text('notes'),
    /** JSON array of strings; small, always read with the client. */
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [
    index('clients_name_idx').on(t.name),
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
    ...timestamps,
  },
  (t) => [
    index('contacts_client_idx').on(t.clientId),
    uniqueIndex('contacts_one_billing_per_client').on(t.clientId).where(sql`${t.isBilling} = 1`),
  ],
);
