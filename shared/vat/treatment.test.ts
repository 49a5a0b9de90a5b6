import { describe, expect, it } from 'vitest';
import { standardRate } from './rates';
import { vatTreatment, type VatTreatmentInput } from './treatment';

const UK = { country: 'GB', vatRegistered: true, homeCurrency: 'GBP' } as const;
const DE = { country: 'DE', vatRegistered: true, homeCurrency: 'EUR' } as const;
const NL = { country: 'NL', vatRegistered: true, homeCurrency: 'EUR' } as const;
const TAX_POINT = '2026-11-20';

type Row = [string, Omit<VatTreatmentInput, 'taxPoint'> & { taxPoint?: string }, { category: string; rate: string; notes: string[]; printVat: boolean; box1?: boolean; box6?: boolean; ecsl?: boolean; warns?: RegExp }];

const routes: Row[] = [
  // UK supplier (rules §1.2)
  ['UK → UK business', { supplier: UK, customer: { country: 'GB', kind: 'business', vatNumber: 'GB123456789' } }, { category: 'standard', rate: '20', notes: [], printVat: true, box1: true, box6: true }],
  ['UK → UK consumer', { supplier: UK, customer: { country: 'GB', kind: 'consumer' } }, { category: 'standard', rate: '20', notes: [], printVat: false, box1: true, box6: true }],
  ['UK → Isle of Man counts as UK', { supplier: UK, customer: { country: 'IM', kind: 'business' } }, { category: 'standard', rate: '20', notes: [], printVat: false, box1: true }],
  ['UK → Jersey is outside the UK', { supplier: UK, customer: { country: 'JE', kind: 'business' } }, { category: 'outside-scope', rate: '0', notes: ['uk.outside-scope-b2b-world'], printVat: false, box1: false, box6: true }],
  ['UK → Guernsey consumer', { supplier: UK, customer: { country: 'GG', kind: 'consumer' } }, { category: 'outside-scope', rate: '0', notes: ['uk.outside-scope-b2c'], printVat: false }],
  ['UK → EU business with VAT number', { supplier: UK, customer: { country: 'DE', kind: 'business', vatNumber: 'DE123456789' } }, { category: 'reverse-charge', rate: '0', notes: ['uk.reverse-charge', 'uk.outside-scope-b2b-eu'], printVat: true, box1: false, box6: true, ecsl: false }],
  ['UK → EU business without VAT number', { supplier: UK, customer: { country: 'FR', kind: 'business' } }, { category: 'outside-scope', rate: '0', notes: ['uk.outside-scope-b2b-eu-no-vat-id'], printVat: false }],
  ['UK → EU business whose number failed VIES', { supplier: UK, customer: { country: 'FR', kind: 'business', vatNumber: 'FRXX123456789', vatNumberValid: false } }, { category: 'outside-scope', rate: '0', notes: ['uk.outside-scope-b2b-eu-no-vat-id'], printVat: false }],
  ['UK → EU consumer, consultancy', { supplier: UK, customer: { country: 'ES', kind: 'consumer' } }, { category: 'outside-scope', rate: '0', notes: ['uk.outside-scope-b2c'], printVat: false, box6: true }],
  ['UK → EU consumer, other service', { supplier: UK, customer: { country: 'IT', kind: 'consumer' }, serviceType: 'other' }, { category: 'standard', rate: '20', notes: [], printVat: false, warns: /classification/ }],
  ['UK → US business', { supplier: UK, customer: { country: 'US', kind: 'business', vatNumber: '12-3456789' } }, { category: 'outside-scope', rate: '0', notes: ['uk.outside-scope-b2b-world'], printVat: true }],
  ['UK → NZ consumer flags NZ GST', { supplier: UK, customer: { country: 'NZ', kind: 'consumer' } }, { category: 'outside-scope', rate: '0', notes: ['uk.outside-scope-b2c'], printVat: false, warns: /New Zealand GST/ }],
  ['UK supplier not registered', { supplier: { ...UK, vatRegistered: false }, customer: { country: 'GB', kind: 'business' } }, { category: 'not-registered', rate: '0', notes: ['not-registered'], printVat: false }],
  // EU supplier (rules §1.3)
  ['DE → DE domestic', { supplier: DE, customer: { country: 'DE', kind: 'business', vatNumber: 'DE123456789' } }, { category: 'standard', rate: '19', notes: [], printVat: true }],
  ['DE → FR business reverse charge', { supplier: DE, customer: { country: 'FR', kind: 'business', vatNumber: 'FRXX123456789' } }, { category: 'reverse-charge', rate: '0', notes: ['eu.reverse-charge', 'eu.reverse-charge-local'], printVat: true, ecsl: true }],
  ['DE → FR consumer at the supplier’s rate', { supplier: DE, customer: { country: 'FR', kind: 'consumer' } }, { category: 'standard', rate: '19', notes: [], printVat: false }],
  ['DE → FR business without VAT number', { supplier: DE, customer: { country: 'FR', kind: 'business' } }, { category: 'standard', rate: '19', notes: [], printVat: false, warns: /treated as to a consumer/ }],
  ['NL → US business outside the EU', { supplier: NL, customer: { country: 'US', kind: 'business' } }, { category: 'outside-scope', rate: '0', notes: ['eu.outside-scope-b2b'], printVat: false }],
  ['NL → Swiss consumer, consultancy (Art 59)', { supplier: NL, customer: { country: 'CH', kind: 'consumer' } }, { category: 'outside-scope', rate: '0', notes: ['eu.outside-scope-b2c'], printVat: false, warns: /Switzerland may tax/ }],
  ['NL → Swiss consumer, other service', { supplier: NL, customer: { country: 'CH', kind: 'consumer' }, serviceType: 'other' }, { category: 'standard', rate: '21', notes: [], printVat: false, warns: /Switzerland may tax/ }],
  ['IE → UK business after Brexit', { supplier: { country: 'IE', vatRegistered: true }, customer: { country: 'GB', kind: 'business', vatNumber: 'GB123456789' } }, { category: 'outside-scope', rate: '0', notes: ['eu.outside-scope-b2b'], printVat: true }],
  ['DE small-business exemption', { supplier: { ...DE, scheme: 'small-business-exemption' }, customer: { country: 'DE', kind: 'consumer' } }, { category: 'exempt', rate: '0', notes: ['small-business-exemption'], printVat: false }],
  ['DE → DE in the 2020 temporary cut', { supplier: DE, customer: { country: 'DE', kind: 'consumer' }, taxPoint: '2020-10-01' }, { category: 'standard', rate: '16', notes: [], printVat: false }],
  ['US supplier: no built-in rules', { supplier: { country: 'US', vatRegistered: true }, customer: { country: 'US', kind: 'business' } }, { category: 'not-registered', rate: '0', notes: [], printVat: false, warns: /by hand/ }],
];

describe('vatTreatment routes', () => {
  it.each(routes)('%s', (_name, input, expected) => {
    const result = vatTreatment({ taxPoint: TAX_POINT, ...input });
    expect(result.category).toBe(expected.category);
    expect(result.rate).toBe(expected.rate);
    expect(result.notes.map((n) => n.key)).toEqual(expected.notes);
    expect(result.printCustomerVatNumber).toBe(expected.printVat);
    expect(result.reason.length).toBeGreaterThan(20);
    if (expected.box1 !== undefined) expect(result.vatReturn.ukBoxes?.box1).toBe(expected.box1);
    if (expected.box6 !== undefined) expect(result.vatReturn.ukBoxes?.box6).toBe(expected.box6);
    if (expected.ecsl !== undefined) expect(result.vatReturn.ecSalesList).toBe(expected.ecsl);
    if (expected.warns) expect(result.warnings.join(' ')).toMatch(expected.warns);
    else expect(result.warnings).toEqual([]);
  });

  it('prints the reverse charge in the supplier’s language too', () => {
    const result = vatTreatment({ supplier: DE, customer: { country: 'AT', kind: 'business', vatNumber: 'ATU12345678' }, taxPoint: TAX_POINT });
    expect(result.notes.map((n) => n.text)).toEqual([
      'Reverse charge – VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).',
      'Steuerschuldnerschaft des Leistungsempfängers',
    ]);
  });

  it('can leave out the reverse-charge wording UK law no longer requires', () => {
    const result = vatTreatment({ supplier: UK, customer: { country: 'DE', kind: 'business', vatNumber: 'DE123456789' }, taxPoint: TAX_POINT, ukReverseChargeNote: false });
    expect(result.category).toBe('reverse-charge');
    expect(result.notes.map((n) => n.key)).toEqual(['uk.outside-scope-b2b-eu']);
  });

  it('names the country whose VAT does not apply', () => {
    const result = vatTreatment({ supplier: NL, customer: { country: 'US', kind: 'business' }, taxPoint: TAX_POINT });
    expect(result.notes[0]!.text).toBe('Not subject to Netherlands VAT – place of supply outside the EU (Art. 44 Directive 2006/112/EC).');
  });

  it('asks for home-currency VAT only when VAT is charged in a foreign currency', () => {
    const base = { supplier: UK, taxPoint: TAX_POINT, invoiceCurrency: 'USD' };
    expect(vatTreatment({ ...base, customer: { country: 'GB', kind: 'business' } })).toMatchObject({ homeCurrencyOnInvoice: true, homeCurrencyForReturn: true });
    expect(vatTreatment({ ...base, customer: { country: 'US', kind: 'business' } })).toMatchObject({ homeCurrencyOnInvoice: false, homeCurrencyForReturn: true });
    expect(vatTreatment({ ...base, invoiceCurrency: 'GBP', customer: { country: 'GB', kind: 'business' } })).toMatchObject({ homeCurrencyOnInvoice: false, homeCurrencyForReturn: false });
  });

  it('counts only VAT-charged sales as flat-rate turnover', () => {
    const frs = { ...UK, scheme: 'flat-rate' as const };
    expect(vatTreatment({ supplier: frs, customer: { country: 'GB', kind: 'business' }, taxPoint: TAX_POINT }).vatReturn.flatRateTurnover).toBe(true);
    expect(vatTreatment({ supplier: frs, customer: { country: 'US', kind: 'business' }, taxPoint: TAX_POINT }).vatReturn.flatRateTurnover).toBe(false);
  });

  it('uses EU membership at the tax point', () => {
    const before = vatTreatment({ supplier: DE, customer: { country: 'GB', kind: 'business', vatNumber: 'GB123456789' }, taxPoint: '2020-06-01' });
    const after = vatTreatment({ supplier: DE, customer: { country: 'GB', kind: 'business', vatNumber: 'GB123456789' }, taxPoint: '2021-01-01' });
    expect(before.category).toBe('reverse-charge');
    expect(after.category).toBe('outside-scope');
  });
});

describe('standard rates', () => {
  it.each([
    ['GB', '2010-06-01', '17.5'],
    ['GB', '2026-11-20', '20'],
    ['DE', '2020-12-31', '16'],
    ['DE', '2021-01-01', '19'],
    ['IE', '2021-02-28', '21'],
    ['IE', '2021-03-01', '23'],
    ['FI', '2024-08-31', '24'],
    ['FI', '2024-09-01', '25.5'],
    ['EE', '2025-07-01', '24'],
    ['RO', '2025-08-01', '21'],
    ['SK', '2025-01-01', '23'],
    ['NL', '2026-11-20', '21'],
    ['FR', '2026-11-20', '20'],
    ['ES', '2026-11-20', '21'],
  ])('%s on %s is %s%%', (country, date, rate) => expect(standardRate(country, date)).toBe(rate));

  it('has a rate for the UK and all of the EU27', () => {
    for (const c of ['GB', 'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']) {
      expect(standardRate(c, '2026-11-20'), c).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('lets the user override a rate from a date', () => {
    const overrides = [{ country: 'GB', from: '2026-12-01', rate: '22.5' }];
    expect(standardRate('GB', '2026-11-30', overrides)).toBe('20');
    expect(standardRate('GB', '2026-12-01', overrides)).toBe('22.5');
    expect(vatTreatment({ supplier: UK, customer: { country: 'GB', kind: 'business' }, taxPoint: '2026-12-02', rateOverrides: overrides }).rate).toBe('22.5');
  });
});
