/**
 * The mention "Reverse charge" that Art 226(11a) of Directive 2006/112/EC (inserted by
 * 2010/45/EU) requires, as the Directive's own language versions word it, by the customer's
 * country (ISO 3166 alpha-2). Countries whose language is English (IE, MT) have none: the
 * English note already says it. Belgium and Luxembourg use French, Cyprus Greek.
 */
const WORDING: Readonly<Record<string, string>> = {
  AT: 'Steuerschuldnerschaft des Leistungsempfängers',
  BE: 'Autoliquidation',
  BG: 'Обратно начисляване',
  CY: 'Αντίστροφη επιβάρυνση',
  CZ: 'Daň odvede zákazník',
  DE: 'Steuerschuldnerschaft des Leistungsempfängers',
  DK: 'Omvendt betalingspligt',
  EE: 'Pöördmaksustamine',
  ES: 'Inversión del sujeto pasivo',
  FI: 'Käännetty verovelvollisuus',
  FR: 'Autoliquidation',
  GR: 'Αντίστροφη επιβάρυνση',
  HR: 'Prijenos porezne obveze',
  HU: 'Fordított adózás',
  IT: 'Inversione contabile',
  LT: 'Atvirkštinis apmokestinimas',
  LU: 'Autoliquidation',
  LV: 'Nodokļa apgrieztā maksāšana',
  NL: 'Btw verlegd',
  PL: 'Odwrotne obciążenie',
  PT: 'Autoliquidação',
  RO: 'Taxare inversă',
  SE: 'Omvänd betalningsskyldighet',
  SI: 'Obrnjena davčna obveznost',
  SK: 'Prenesenie daňovej povinnosti',
};

/** The reverse-charge mention in `country`'s language, or null where there is none to add. */
export function localReverseChargeWording(country: string): string | null {
  return WORDING[country] ?? null;
}
