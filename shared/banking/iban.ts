/**
 * IBAN (ISO 13616) and BIC (ISO 9362) checks, by ibantools: each country's IBAN length and
 * account format, the mod-97 check digits, and national bank/branch check digits where defined.
 */
import {
  ValidationErrorsBIC,
  ValidationErrorsIBAN,
  electronicFormatIBAN,
  friendlyFormatIBAN,
  getCountrySpecifications,
  validateBIC,
  validateIBAN,
} from 'ibantools';

export type BankCodeCheck = { ok: true; value: string } | { ok: false; message: string };

/** Checks an IBAN typed with any spacing or case; `value` is the compact form stored. Errors say which part is wrong. */
export function checkIban(raw: string): BankCodeCheck {
  const iban = electronicFormatIBAN(raw) ?? '';
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return { ok: true, value: iban };
  const country = iban.slice(0, 2);
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry)) {
    return { ok: false, message: 'Not a valid IBAN: it starts with a country code, e.g. GB or DE' };
  }
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength)) {
    return { ok: false, message: `Not a valid IBAN: a ${country} IBAN has ${getCountrySpecifications()[country]?.chars} characters` };
  }
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) {
    return { ok: false, message: `Not a valid IBAN: the account part does not fit the ${country} format` };
  }
  return { ok: false, message: "Not a valid IBAN: its check digits don't match. Check it for a typo" };
}

/** Checks a BIC (SWIFT code) of 8 or 11 characters; `value` is upper-cased. */
export function checkBic(raw: string): BankCodeCheck {
  const bic = raw.replace(/\s/g, '').toUpperCase();
  const { valid, errorCodes } = validateBIC(bic);
  if (valid) return { ok: true, value: bic };
  if (errorCodes.includes(ValidationErrorsBIC.NoBICCountry) && /^[A-Z0-9]{8}([A-Z0-9]{3})?$/.test(bic)) {
    return { ok: false, message: 'Not a valid BIC: letters 5 and 6 are the country code, e.g. DEUTDEFF' };
  }
  return { ok: false, message: 'A BIC is 8 or 11 letters and digits, e.g. DEUTDEFF' };
}

/** Groups of four, as printed on invoices. */
export function formatIban(raw: string): string {
  return friendlyFormatIBAN(raw) ?? raw;
}
