/**
 * Invoice wording, by stable key with an English text (rules document §1.4). Keys are what gets
 * stored and translated; params fill the {placeholders}.
 */
export const NOTE_TEXTS = {
  'uk.reverse-charge': 'Reverse charge: VAT to be accounted for by the recipient under Article 196 of Council Directive 2006/112/EC.',
  'uk.outside-scope-b2b-eu': 'Outside the scope of UK VAT (VATA 1994 s7A).',
  'uk.outside-scope-b2b-eu-no-vat-id': 'Outside the scope of UK VAT (VATA 1994 s7A / Sch 4A para 16).',
  'uk.outside-scope-b2b-world': 'Outside the scope of UK VAT – place of supply is outside the UK (VATA 1994 s7A).',
  'uk.outside-scope-b2c': 'Outside the scope of UK VAT – VATA 1994 Schedule 4A paragraph 16.',
  'eu.reverse-charge': 'Reverse charge – VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).',
  'eu.reverse-charge-local': '{text}',
  'eu.outside-scope-b2b': 'Not subject to {country} VAT – place of supply outside the EU (Art. 44 Directive 2006/112/EC).',
  'eu.outside-scope-b2c': 'Not subject to {country} VAT – place of supply outside the EU (Art. 59 Directive 2006/112/EC).',
  'small-business-exemption': 'No VAT charged: small-business exemption ({reference}).',
  'not-registered': 'No VAT charged: the supplier is not registered for VAT.',
  'prices-include-vat': 'Prices include VAT at {rate}%; the VAT shown is the part of each amount that is VAT.',
  disbursement: 'Disbursements are paid on your behalf as agent and are outside the scope of VAT.',
  'home-currency': 'VAT and totals in {home}: net {net}, VAT {vat} — converted at the {source} of {rate} {currency} per 1 {home} on {date}.',
  'home-currency-value': 'Value in {home}: {net} — converted at the {source} of {rate} {currency} per 1 {home} on {date}.',
  'credit-note': 'Credit note for invoice {number} of {date}.',
} as const;

export type NoteKey = keyof typeof NOTE_TEXTS;

export interface InvoiceNote {
  key: NoteKey;
  params: Record<string, string>;
  text: string;
}

export function note(key: NoteKey, params: Record<string, string> = {}): InvoiceNote {
  const text = NOTE_TEXTS[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
  return { key, params, text };
}

/** The reverse-charge mention in the supplier's language, printed beside the English one. */
export const LOCAL_REVERSE_CHARGE: Record<string, string> = {
  DE: 'Steuerschuldnerschaft des Leistungsempfängers',
  AT: 'Übergang der Steuerschuld auf den Leistungsempfänger',
  FR: 'Autoliquidation',
  BE: 'Autoliquidation / Btw verlegd',
  LU: 'Autoliquidation',
  ES: 'Inversión del sujeto pasivo',
  NL: 'Btw verlegd',
  IT: 'Inversione contabile',
  PT: 'Autoliquidação',
};

/** The law a small business cites for not charging VAT. */
export const SMALL_BUSINESS_REFERENCE: Record<string, string> = {
  DE: '§ 19 UStG',
  AT: '§ 6 Abs. 1 Z 27 UStG',
  FR: 'art. 293 B du CGI',
  NL: 'kleineondernemersregeling (KOR)',
  BE: 'art. 56bis WBTW',
};
