/**
 * VAT and tax registration numbers: the format, then the check digits (jsvat: the UK's mod-97 and
 * mod-9755, and each EU state's own rule). Passing both still does not prove the number is
 * registered (only VIES or HMRC can say that), so the client keeps evidence of how it was checked
 * (rules doc §1.3, Implementing Reg. 282/2011 Art 18).
 */
import {
  austria,
  belgium,
  bulgaria,
  croatia,
  cyprus,
  czechRepublic,
  denmark,
  estonia,
  finland,
  france,
  germany,
  greece,
  hungary,
  ireland,
  italy,
  latvia,
  lithuania,
  luxembourg,
  malta,
  netherlands,
  norway,
  poland,
  portugal,
  romania,
  slovakiaRepublic,
  slovenia,
  spain,
  sweden,
  switzerland,
  unitedKingdom,
  checkVAT,
  type Country as JsvatCountry,
} from 'jsvat';

interface VatFormat {
  /** Prefix printed before the number: ISO code, except Greece (EL) and Switzerland (CHE). */
  prefix: string;
  /** The part after the prefix, after spaces, dots and dashes are removed. */
  pattern: RegExp;
  /** A number with valid check digits, for placeholders. */
  example: string;
  hint: string;
  rules: JsvatCountry;
}

const EU_FORMATS: Record<string, VatFormat> = {
  AT: { prefix: 'AT', pattern: /^U\d{8}$/, example: 'ATU12345675', hint: 'AT, then U and 8 digits', rules: austria },
  BE: { prefix: 'BE', pattern: /^[01]\d{9}$/, example: 'BE0123456749', hint: 'BE, then 10 digits starting 0 or 1', rules: belgium },
  BG: { prefix: 'BG', pattern: /^\d{9,10}$/, example: 'BG123456786', hint: 'BG, then 9 or 10 digits', rules: bulgaria },
  CY: { prefix: 'CY', pattern: /^\d{8}[A-Z]$/, example: 'CY10045678X', hint: 'CY, then 8 digits and a letter', rules: cyprus },
  CZ: { prefix: 'CZ', pattern: /^\d{8,10}$/, example: 'CZ12345679', hint: 'CZ, then 8 to 10 digits', rules: czechRepublic },
  DE: { prefix: 'DE', pattern: /^\d{9}$/, example: 'DE123456788', hint: 'DE, then 9 digits', rules: germany },
  DK: { prefix: 'DK', pattern: /^\d{8}$/, example: 'DK12345674', hint: 'DK, then 8 digits', rules: denmark },
  EE: { prefix: 'EE', pattern: /^\d{9}$/, example: 'EE108456789', hint: 'EE, then 9 digits', rules: estonia },
  GR: { prefix: 'EL', pattern: /^\d{9}$/, example: 'EL123456783', hint: 'EL, then 9 digits', rules: greece },
  ES: { prefix: 'ES', pattern: /^[A-Z0-9]\d{7}[A-Z0-9]$/, example: 'ESB12345674', hint: 'ES, then 9 characters', rules: spain },
  FI: { prefix: 'FI', pattern: /^\d{8}$/, example: 'FI12345671', hint: 'FI, then 8 digits', rules: finland },
  FR: { prefix: 'FR', pattern: /^[A-HJ-NP-Z0-9]{2}\d{9}$/, example: 'FR12345678900', hint: 'FR, then 2 characters and 9 digits', rules: france },
  HR: { prefix: 'HR', pattern: /^\d{11}$/, example: 'HR12345678903', hint: 'HR, then 11 digits', rules: croatia },
  HU: { prefix: 'HU', pattern: /^\d{8}$/, example: 'HU12345676', hint: 'HU, then 8 digits', rules: hungary },
  IE: { prefix: 'IE', pattern: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/, example: 'IE1234567T', hint: 'IE, then 7 digits and 1 or 2 letters', rules: ireland },
  IT: { prefix: 'IT', pattern: /^\d{11}$/, example: 'IT12345670801', hint: 'IT, then 11 digits', rules: italy },
  LT: { prefix: 'LT', pattern: /^(\d{9}|\d{12})$/, example: 'LT123456715', hint: 'LT, then 9 or 12 digits', rules: lithuania },
  LU: { prefix: 'LU', pattern: /^\d{8}$/, example: 'LU12345613', hint: 'LU, then 8 digits', rules: luxembourg },
  LV: { prefix: 'LV', pattern: /^\d{11}$/, example: 'LV12045678901', hint: 'LV, then 11 digits', rules: latvia },
  MT: { prefix: 'MT', pattern: /^\d{8}$/, example: 'MT12345634', hint: 'MT, then 8 digits', rules: malta },
  NL: { prefix: 'NL', pattern: /^\d{9}B\d{2}$/, example: 'NL123456782B01', hint: 'NL, then 9 digits, B and 2 digits', rules: netherlands },
  PL: { prefix: 'PL', pattern: /^\d{10}$/, example: 'PL1234567890', hint: 'PL, then 10 digits', rules: poland },
  PT: { prefix: 'PT', pattern: /^\d{9}$/, example: 'PT123456789', hint: 'PT, then 9 digits', rules: portugal },
  RO: { prefix: 'RO', pattern: /^\d{2,10}$/, example: 'RO1234567897', hint: 'RO, then 2 to 10 digits', rules: romania },
  SE: { prefix: 'SE', pattern: /^\d{10}01$/, example: 'SE123456789701', hint: 'SE, then 12 digits ending 01', rules: sweden },
  SI: { prefix: 'SI', pattern: /^\d{8}$/, example: 'SI12345679', hint: 'SI, then 8 digits', rules: slovenia },
  SK: { prefix: 'SK', pattern: /^\d{10}$/, example: 'SK1234567895', hint: 'SK, then 10 digits', rules: slovakiaRepublic },
};

const UK_FORMAT: VatFormat = {
  prefix: 'GB',
  pattern: /^(\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
  example: 'GB123456782',
  hint: 'GB, then 9 or 12 digits',
  rules: unitedKingdom,
};

const SWISS_FORMAT: VatFormat = {
  prefix: 'CHE',
  pattern: /^\d{9}(MWST|TVA|IVA)?$/,
  example: 'CHE123456788MWST',
  hint: 'CHE, then 9 digits',
  rules: switzerland,
};

const OTHER_FORMATS: Record<string, VatFormat> = {
  GB: UK_FORMAT,
  IM: UK_FORMAT,
  CH: SWISS_FORMAT,
  LI: SWISS_FORMAT,
  NO: { prefix: 'NO', pattern: /^\d{9}(MVA)?$/, example: 'NO123456785MVA', hint: 'NO, then 9 digits and optionally MVA', rules: norway },
};

/** The VAT-number format per country code, for the EU27 plus the UK (with the Isle of Man), Switzerland (with Liechtenstein) and Norway. */
export function vatFormatFor(country: string): VatFormat | undefined {
  return EU_FORMATS[country] ?? OTHER_FORMATS[country];
}

/**
 * What the tax number is called in the client's country: "VAT number" where the number is a VAT
 * registration (UK, EU, and the VAT countries above), "EIN" in the US, "ABN" in Australia,
 * "GST/HST number" in Canada, otherwise "Tax ID".
 */
export function taxNumberLabel(country: string): string {
  if (vatFormatFor(country)) return 'VAT number';
  return { US: 'EIN', AU: 'ABN', CA: 'GST/HST number' }[country] ?? 'Tax ID';
}

/** How a tax number was checked: offline by its check digits or format, or later online. */
export const TAX_NUMBER_CHECK_METHODS = ['check-digits', 'format', 'vies', 'hmrc'] as const;
export type TaxNumberCheckMethod = (typeof TAX_NUMBER_CHECK_METHODS)[number];
export const TAX_NUMBER_CHECK_RESULTS = ['valid', 'invalid'] as const;
export type TaxNumberCheckResult = (typeof TAX_NUMBER_CHECK_RESULTS)[number];

export type VatNumberCheck =
  | { ok: true; normalized: string; method: 'check-digits' | 'format' }
  | { ok: false; message: string };

/** jsvat 2.5 knows only Belgium's 0-series; the 1-series has the same mod-97 check digits. */
function belgianOneSeries(body: string): boolean {
  return /^1\d{9}$/.test(body) && 97 - (Number(body.slice(0, 8)) % 97) === Number(body.slice(8));
}

function hasValidCheckDigits(format: VatFormat, body: string): boolean {
  if (format.rules === belgium && body.startsWith('1')) return belgianOneSeries(body);
  // jsvat expects the country prefix; XI (Northern Ireland) numbers are GB numbers.
  return checkVAT(`${format.prefix}${body}`, [format.rules]).isValid;
}

/**
 * Checks a client's or the business's tax number for its country.
 * VAT countries: strips separators, upper-cases, adds the prefix when missing (GB and IM also
 * accept XI), then checks the format and the check digits; `normalized` is the compact form VIES
 * and HMRC use. Other countries: a loose format check, and the user's own formatting is kept
 * (`12-3456789` keeps its dash). Errors say what is wrong, in words for the form.
 */
export function checkVatNumber(country: string, raw: string): VatNumberCheck {
  const format = vatFormatFor(country);
  if (!format) {
    const typed = raw.trim().replace(/\s+/g, ' ');
    const significant = typed.replace(/[\s./-]/g, '');
    return /^[A-Za-z0-9 ./-]+$/.test(typed) && /^[A-Za-z0-9]{2,32}$/.test(significant)
      ? { ok: true, normalized: typed, method: 'format' }
      : { ok: false, message: `${taxNumberLabel(country)}: use 2 to 32 letters and digits, with spaces, dots, dashes or slashes between them` };
  }
  const compact = raw.toUpperCase().replace(/[\s.-]/g, '');
  const prefixes = format === UK_FORMAT ? ['GB', 'XI'] : [format.prefix];
  const prefix = prefixes.find((p) => compact.startsWith(p));
  const body = prefix ? compact.slice(prefix.length) : compact;
  if (!format.pattern.test(body)) {
    return { ok: false, message: `Not a valid VAT number for this country: expected ${format.hint}, e.g. ${format.example}` };
  }
  const normalized = `${prefix ?? format.prefix}${body}`;
  if (!hasValidCheckDigits(format, body)) {
    return { ok: false, message: `${normalized} is not a valid VAT number: its check digits don't match. Check it for a typo` };
  }
  return { ok: true, normalized, method: 'check-digits' };
}
