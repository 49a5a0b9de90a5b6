import { z } from 'zod';
import { checkBic, checkIban, type BankCodeCheck } from '../banking/iban';
import { checkVatNumber } from '../tax/vat-number';
import { VAT_SCHEMES } from '../vat/treatment';
import {
  addressFields,
  countryField,
  currencyCode,
  currencyField,
  emailField,
  optionalText,
  paymentTermsField,
  phoneField,
  requiredText,
  timeZoneField,
} from './fields';

/** A zod transform: the checked, compact code, or the check's message on the field. */
function bankCode(check: (raw: string) => BankCodeCheck) {
  return (raw: string | null, ctx: z.RefinementCtx): string | null => {
    if (raw === null) return null;
    const result = check(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  };
}

export const bankAccountInput = z
  .object({
    currency: currencyField,
    accountHolder: requiredText('Account holder', 200),
    bankName: optionalText('Bank name', 200),
    iban: optionalText('IBAN', 42).transform(bankCode(checkIban)),
    bic: optionalText('BIC', 14).transform(bankCode(checkBic)),
    accountNumber: optionalText('Account number', 34),
    sortCode: optionalText('Sort code', 8).refine(
      (s) => s === null || /^\d{2}-?\d{2}-?\d{2}$/.test(s),
      'A sort code is 6 digits, e.g. 12-34-56',
    ),
    routingNumber: optionalText('Routing number', 9).refine(
      (s) => s === null || /^\d{9}$/.test(s),
      'A routing number is 9 digits',
    ),
    details: optionalText('Other details', 500, { multiline: true }),
  })
  .superRefine((account, ctx) => {
    if (!account.iban && !account.accountNumber) {
      ctx.addIssue({ code: 'custom', path: ['iban'], message: 'Enter an IBAN or an account number' });
    }
  });

export const profileInput = z
  .object({
    businessName: requiredText('Business name', 200),
    legalName: optionalText('Legal name', 200),
    ...addressFields,
    addressLine1: requiredText('Address', 200),
    city: requiredText('City', 100),
    country: countryField,
    homeCurrency: currencyField,
    vatRegistered: z.boolean(),
    vatNumber: optionalText('VAT number', 40),
    vatScheme: z.enum(VAT_SCHEMES, { error: 'Choose a VAT scheme' }).default('standard'),
    companyNumber: optionalText('Company number', 40),
    /** Decides the calendar day for due dates and overdue status; null = the computer's zone. */
    timeZone: timeZoneField.nullish().transform((zone) => zone ?? null),
    defaultPaymentTermsDays: paymentTermsField,
    email: emailField,
    phone: phoneField,
    website: optionalText('Website', 200).refine(
      (s) => s === null || /^https:\/\/[^\s/$.?#].[^\s]*$/i.test(s),
      'Enter a web address starting with https://',
    ),
    bankAccounts: z.array(bankAccountInput).max(20, 'At most 20 bank accounts').default([]),
  })
  .transform((profile, ctx) => {
    let vatNumber = profile.vatNumber;
    if (profile.vatRegistered) {
      if (!vatNumber) {
        ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: 'Enter your VAT number, or mark the business as not registered' });
      } else {
        const check = checkVatNumber(profile.country, vatNumber);
        if (check.ok) vatNumber = check.normalized;
        else ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: check.message });
      }
    } else {
      vatNumber = null;
    }
    const seen = new Set<string>();
    profile.bankAccounts.forEach((account, i) => {
      if (seen.has(account.currency)) {
        ctx.addIssue({ code: 'custom', path: ['bankAccounts', i, 'currency'], message: `There is already a ${account.currency} account` });
      }
      seen.add(account.currency);
    });
    return { ...profile, vatNumber };
  });

export type ProfileInput = z.input<typeof profileInput>;

export const LOGO_MAX_BYTES = 1024 * 1024;

export const logoInput = z.object({
  mimeType: z.enum(['image/png', 'image/jpeg'], { error: 'The logo must be a PNG or JPEG image' }),
  dataBase64: z
    .string()
    .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4, 'The logo must be 1 MB or smaller')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'The logo data is not valid base64'),
});

export const bankAccountSchema = z.object({
  id: z.number(),
  currency: currencyCode,
  accountHolder: z.string(),
  bankName: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  accountNumber: z.string().nullable(),
  sortCode: z.string().nullable(),
  routingNumber: z.string().nullable(),
  details: z.string().nullable(),
});

export const profileSchema = z.object({
  businessName: z.string(),
  legalName: z.string().nullable(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string(),
  homeCurrency: currencyCode,
  vatRegistered: z.boolean(),
  vatNumber: z.string().nullable(),
  vatScheme: z.enum(VAT_SCHEMES),
  companyNumber: z.string().nullable(),
  timeZone: z.string().nullable(),
  defaultPaymentTermsDays: z.number(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  bankAccounts: z.array(bankAccountSchema),
  logo: z.object({ mimeType: z.string(), dataBase64: z.string() }).nullable(),
  updatedAt: z.string(),
});

export type Profile = z.infer<typeof profileSchema>;
export type BankAccount = z.infer<typeof bankAccountSchema>;
