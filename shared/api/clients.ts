import { z } from 'zod';
import { TAX_NUMBER_CHECK_METHODS, TAX_NUMBER_CHECK_RESULTS, checkVatNumber } from '../tax/vat-number';
import {
  addressFields,
  countryField,
  currencyCode,
  currencyField,
  emailField,
  id,
  optionalText,
  paymentTermsField,
  phoneField,
  requiredText,
  timeZoneField,
} from './fields';
import { afterCursor, DEFAULT_PAGE_SIZE, pageLimit } from './paging';

export const CUSTOMER_TYPES = ['business', 'consumer'] as const;

const tagField = requiredText('Tag', 40).refine((s) => !s.includes(','), "A tag can't contain a comma");

const clientFields = z.object({
  name: requiredText('Name', 200),
  legalName: optionalText('Legal name', 200),
  country: countryField,
  ...addressFields,
  timezone: timeZoneField,
  currency: currencyField,
  customerType: z.enum(CUSTOMER_TYPES, { error: 'Choose business or consumer' }),
  taxNumber: optionalText('VAT or tax number', 40),
  paymentTermsDays: paymentTermsField.nullable().default(null),
  notes: optionalText('Notes', 5000, { multiline: true }),
  tags: z.array(tagField).max(20, 'At most 20 tags').default([]),
  /** Print the reverse-charge mention in the client's language too (shared/vat/reverse-charge-wording.ts). */
  printLocalReverseCharge: z.boolean().default(false),
});

type ClientFields = z.output<typeof clientFields>;

/** Normalises the tax number for the client's country, and de-duplicates tags. */
function finishClient<T extends ClientFields>(client: T, ctx: z.RefinementCtx): T {
  let taxNumber = client.taxNumber;
  if (taxNumber) {
    const check = checkVatNumber(client.country, taxNumber);
    if (check.ok) taxNumber = check.normalized;
    else ctx.addIssue({ code: 'custom', path: ['taxNumber'], message: check.message });
  }
  const tags = [...new Map(client.tags.map((t) => [t.toLocaleLowerCase(), t])).values()];
  return { ...client, taxNumber, tags };
}

export const clientInput = clientFields.transform(finishClient);
export const clientUpdateInput = clientFields.extend({ id }).transform(finishClient);
export type ClientInput = z.input<typeof clientInput>;

export const CLIENT_SORTS = ['name', 'country', 'createdAt', 'updatedAt'] as const;

/**
 * One page of clients in the chosen order: up to `limit` after the row whose `cursor` is `after`
 * (null: from the top). `search` matches any part of the name, legal name, tax number, city, a
 * tag, or a contact's name or email, ignoring case and accents in any script.
 */
export const clientListQuery = z
  .object({
    search: optionalText('Search', 200, { printable: false }),
    status: z.enum(['active', 'archived', 'all']).default('active'),
    sort: z.enum(CLIENT_SORTS).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    limit: pageLimit,
    after: afterCursor,
  })
  .default({ search: null, status: 'active', sort: 'name', direction: 'asc', limit: DEFAULT_PAGE_SIZE, after: null });

export const contactInput = z.object({
  clientId: id,
  name: requiredText('Name', 200),
  role: optionalText('Role', 100),
  email: emailField,
  phone: phoneField,
  isBilling: z.boolean().default(false),
});
export const contactUpdateInput = contactInput.omit({ clientId: true }).extend({ id });
export type ContactInput = z.input<typeof contactInput>;

export const contactSchema = z.object({
  id: z.number(),
  clientId: z.number(),
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isBilling: z.boolean(),
});

export const clientSchema = z.object({
  id: z.number(),
  name: z.string(),
  legalName: z.string().nullable(),
  country: z.string(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  timezone: z.string(),
  currency: currencyCode,
  customerType: z.enum(CUSTOMER_TYPES),
  taxNumber: z.string().nullable(),
  /** How the tax number was last checked; null when there is no number, or it predates the evidence. */
  taxNumberCheck: z
    .object({ checkedAt: z.string(), method: z.enum(TAX_NUMBER_CHECK_METHODS), result: z.enum(TAX_NUMBER_CHECK_RESULTS) })
    .nullable(),
  paymentTermsDays: z.number().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  printLocalReverseCharge: z.boolean(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  contacts: z.array(contactSchema),
});

export const clientSummarySchema = clientSchema
  .pick({ id: true, name: true, legalName: true, country: true, currency: true, timezone: true, customerType: true, tags: true, archived: true, createdAt: true, updatedAt: true })
  .extend({
    contactCount: z.number(),
    billingContact: z.object({ name: z.string(), email: z.string().nullable() }).nullable(),
    /** Its position in the list it came from: `after` for the next page. */
    cursor: z.string(),
  });

export type Client = z.infer<typeof clientSchema>;
export type ClientSummary = z.infer<typeof clientSummarySchema>;
export type Contact = z.infer<typeof contactSchema>;
export type ClientListQuery = z.input<typeof clientListQuery>;
