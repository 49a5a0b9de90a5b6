/**
 * VAT and tax registration numbers: format checks by country. A format check is not a validity
 * check (that needs VIES or HMRC); it catches typos before they reach an invoice.
 */

interface VatFormat {
  /** Prefix printed before the number: ISO code, except Greece (EL). */
  prefix: string;
  /** The part after the prefix, after spaces, dots and dashes are removed. */
  pattern: RegExp;
  example: string;
  hint: string;
}

const EU_FORMATS: Record<string, VatFormat> = {
  AT: { prefix: 'AT', pattern: /^U\d{8}$/, example: 'ATU12345678', hint: 'AT, then U and 8 digits' },
  BE: { prefix: 'BE', pattern: /^[01]\d{9}$/, example: 'BE0123456789', hint: 'BE, then 10 digits starting 0 or 1' },
  BG: { prefix: 'BG', pattern: /^\d{9,10}$/, example: 'BG123456789', hint: 'BG, then 9 or 10 digits' },
  CY: { prefix: 'CY', pattern: /^\d{8}[A-Z]$/, example: 'CY12345678X', hint: 'CY, then 8 digits and a letter' },
  CZ: { prefix: 'CZ', pattern: /^\d{8,10}$/, example: 'CZ12345678', hint: 'CZ, then 8 to 10 digits' },
  DE: { prefix: 'DE', pattern: /^\d{9}$/, example: 'DE123456789', hint: 'DE, then 9 digits' },
  DK: { prefix: 'DK', pattern: /^\d{8}$/, example: 'DK12345678', hint: 'DK, then 8 digits' },
  EE: { prefix: 'EE', pattern: /^\d{9}$/, example: 'EE123456789', hint: 'EE, then 9 digits' },
  GR: { prefix: 'EL', pattern: /^\d{9}$/, example: 'EL123456789', hint: 'EL, then 9 digits' },
  ES: { prefix: 'ES', pattern: /^[A-Z0-9]\d{7}[A-Z0-9]$/, example: 'ESX1234567X', hint: 'ES, then 9 characters' },
  FI: { prefix: 'FI', pattern: /^\d{8}$/, example: 'FI12345678', hint: 'FI, then 8 digits' },
  FR: { prefix: 'FR', pattern: /^[A-HJ-NP-Z0-9]{2}\d{9}$/, example: 'FR12345678901', hint: 'FR, then 2 characters and 9 digits' },
  HR: { prefix: 'HR', pattern: /^\d{11}$/, example: 'HR12345678901', hint: 'HR, then 11 digits' },
  HU: { prefix: 'HU', pattern: /^\d{8}$/, example: 'HU12345678', hint: 'HU, then 8 digits' },
  IE: { prefix: 'IE', pattern: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/, example: 'IE1234567WA', hint: 'IE, then 7 digits and 1 or 2 letters' },
  IT: { prefix: 'IT', pattern: /^\d{11}$/, example: 'IT12345678901', hint: 'IT, then 11 digits' },
  LT: { prefix: 'LT', pattern: /^(\d{9}|\d{12})$/, example: 'LT123456789', hint: 'LT, then 9 or 12 digits' },
  LU: { prefix: 'LU', pattern: /^\d{8}$/, example: 'LU12345678', hint: 'LU, then 8 digits' },
  LV: { prefix: 'LV', pattern: /^\d{11}$/, example: 'LV12345678901', hint: 'LV, then 11 digits' },
  MT: { prefix: 'MT', pattern: /^\d{8}$/, example: 'MT12345678', hint: 'MT, then 8 digits' },
  NL: { prefix: 'NL', pattern: /^\d{9}B\d{2}$/, example: 'NL123456789B01', hint: 'NL, then 9 digits, B and 2 digits' },
  PL: { prefix: 'PL', pattern: /^\d{10}$/, example: 'PL1234567890', hint: 'PL, then 10 digits' },
  PT: { prefix: 'PT', pattern: /^\d{9}$/, example: 'PT123456789', hint: 'PT, then 9 digits' },
  RO: { prefix: 'RO', pattern: /^\d{2,10}$/, example: 'RO1234567890', hint: 'RO, then 2 to 10 digits' },
  SE: { prefix: 'SE', pattern: /^\d{10}01$/, example: 'SE123456789001', hint: 'SE, then 12 digits ending 01' },
  SI: { prefix: 'SI', pattern: /^\d{8}$/, example: 'SI12345678', hint: 'SI, then 8 digits' },
  SK: { prefix: 'SK', pattern: /^\d{10}$/, example: 'SK1234567890', hint: 'SK, then 10 digits' },
};

const UK_FORMAT: VatFormat = {
  prefix: 'GB',
  pattern: /^(\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
  example: 'GB123456789',
  hint: 'GB, then 9 or 12 digits',
};

const OTHER_FORMATS: Record<string, VatFormat> = {
  GB: UK_FORMAT,
  IM: UK_FORMAT,
  CH: { prefix: 'CHE', pattern: /^\d{9}(MWST|TVA|IVA)?$/, example: 'CHE123456789MWST', hint: 'CHE, then 9 digits' },
  LI: { prefix: 'CHE', pattern: /^\d{9}(MWST|TVA|IVA)?$/, example: 'CHE123456789MWST', hint: 'CHE, then 9 digits' },
  NO: { prefix: 'NO', pattern: /^\d{9}(MVA)?$/, example: 'NO123456789MVA', hint: 'NO, then 9 digits and optionally MVA' },
};

/** The VAT-number prefix per country code, for the EU27 plus the UK, Switzerland and Norway. */
export function vatFormatFor(country: string): VatFormat | undefined {
  return EU_FORMATS[country] ?? OTHER_FORMATS[country];
}

export type VatNumberCheck =
  | { ok: true; normalized: string }
  | { ok: false; message: string };

/** Strips separators, upper-cases, adds the country prefix when missing, and checks the format. */
export function checkVatNumber(country: string, raw: string): VatNumberCheck {
  const compact = raw.toUpperCase().replace(/[\s.-]/g, '');
  const format = vatFormatFor(country);
  if (!format) {
    return /^[A-Z0-9/+]{2,32}$/.test(compact)
      ? { ok: true, normalized: compact }
      : { ok: false, message: 'A tax number is 2 to 32 letters and digits' };
  }
  const prefixes = country === 'GB' || country === 'IM' ? ['GB', 'XI'] : [format.prefix];
  const prefix = prefixes.find((p) => compact.startsWith(p));
  const body = prefix ? compact.slice(prefix.length) : compact;
  if (!format.pattern.test(body)) {
    return { ok: false, message: `Not a valid VAT number for this country: expected ${format.hint}, e.g. ${format.example}` };
  }
  return { ok: true, normalized: `${prefix ?? format.prefix}${body}` };
}
