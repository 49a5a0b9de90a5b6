import { z } from 'zod';
import { isCountryCode, type CountryCode } from '../reference/countries';
import { isCurrencyCode, type CurrencyCode } from '../reference/currencies';
import { isTimeZone } from '../reference/timezones';
import { optionalText, requiredText } from '../text/strings';

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const countryField = z
  .string({ error: 'Choose a country' })
  .min(1, 'Choose a country')
  .refine((v): v is CountryCode => isCountryCode(v), 'Choose a country from the list');

export const currencyField = z
  .string({ error: 'Choose a currency' })
  .min(1, 'Choose a currency')
  .refine((v): v is CurrencyCode => isCurrencyCode(v), 'Choose a currency from the list');

/** An ISO 4217 code in an output: typed as CurrencyCode so readers need no casts. */
export const currencyCode = z.string().refine((v): v is CurrencyCode => isCurrencyCode(v), 'Not an ISO 4217 currency code');

export const timeZoneField = z
  .string({ error: 'Choose a time zone' })
  .min(1, 'Choose a time zone')
  .refine(isTimeZone, 'Choose a time zone from the list');

export const emailField = z
  .string()
  .refine((s) => s.isWellFormed(), 'Contains characters that are not valid text')
  .transform((s) => s.trim())
  .pipe(z.union([z.literal(''), z.email('Enter an email address like name@example.com').max(254)]))
  .nullish()
  .transform((s) => (s ? s : null));

export const phoneField = optionalText('Phone', 40).refine(
  (s) => s === null || /^\+?[0-9 ()./-]{5,30}(\s*(x|ext\.?)\s*\d{1,6})?$/i.test(s),
  'Enter a phone number using digits, spaces and + ( ) -',
);

export const paymentTermsField = z
  .number({ error: 'Enter a number of days' })
  .int('Enter a whole number of days')
  .min(0, 'Payment terms cannot be negative')
  .max(365, 'Payment terms can be at most 365 days');

export const addressFields = {
  addressLine1: optionalText('Address', 200),
  addressLine2: optionalText('Address', 200),
  city: optionalText('City', 100),
  region: optionalText('Region', 100),
  postalCode: optionalText('Postal code', 20),
};

export const isoTimestamp = z.string();

export { optionalText, requiredText };
