import { describe, expect, it } from 'vitest';
import type { Client } from '../api/clients';
import type { Profile } from '../api/profile';
import { DEFAULT_INVOICING_SETTINGS } from '../api/settings';
import { draftTerms, previewDraft, type DraftFields } from './draft-preview';
import type { Evaluation } from './evaluate';

const supplier: Profile = {
  businessName: 'Ada Consulting',
  legalName: null,
  addressLine1: '1 High St',
  addressLine2: null,
  city: 'London',
  region: null,
  postalCode: 'N1 1AA',
  country: 'GB',
  homeCurrency: 'GBP',
  vatRegistered: true,
  vatNumber: 'GB123456782',
  vatScheme: 'standard',
  companyNumber: null,
  timeZone: null,
  defaultPaymentTermsDays: 30,
  email: null,
  phone: null,
  website: null,
  bankAccounts: [],
  logo: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const customer: Client = {
  id: 1,
  name: 'Acme Ltd',
  legalName: null,
  country: 'GB',
  addressLine1: null,
  addressLine2: null,
  city: null,
  region: null,
  postalCode: null,
  timezone: 'Europe/London',
  currency: 'GBP',
  customerType: 'business',
  printLocalReverseCharge: false,
  taxNumber: 'GB987654353',
  taxNumberCheck: null,
  paymentTermsDays: null,
  notes: null,
  tags: [],
  archived: false,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  contacts: [],
};

const fee = (quantity: string, unitPrice: string) => ({ key: 'k', description: 'Review', kind: 'fee', quantity, unit: 'hour', unitPrice });

function fields(overrides: Partial<DraftFields> = {}): DraftFields {
  return {
    currency: 'GBP',
    issueDate: '2026-11-20',
    overrideTaxPoint: false,
    taxPoint: '',
    taxPointReason: '',
    supplyEnd: '',
    continuousSupply: false,
    pricesIncludeVat: false,
    paymentTermsDays: 30,
    discountPercent: '',
    withholdingPercent: '',
    overrideVat: false,
    vatOverride: { category: 'standard', rate: '', reason: '' },
    lines: [fee('2', '100')],
    ...overrides,
  };
}

const preview = (overrides: Partial<DraftFields> = {}) => previewDraft(supplier, customer, DEFAULT_INVOICING_SETTINGS, fields(overrides));
const figures = (overrides: Partial<DraftFields> = {}) => preview(overrides) as Evaluation;

describe('draftTerms', () => {
  it('uses the tax point typed by the user only once they choose to set their own', () => {
    expect(draftTerms(fields({ taxPoint: '2026-11-03' }))!.terms.taxPoint).toBeNull();
    expect(draftTerms(fields({ overrideTaxPoint: true, taxPoint: '2026-11-03', taxPointReason: 'Agreed' }))!.terms).toMatchObject({ taxPoint: '2026-11-03', taxPointReason: 'Agreed' });
  });

  it('previews VAT-inclusive prices and the derived tax point', () => {
    const inclusive = figures({ pricesIncludeVat: true, lines: [fee('36', '1.99')], supplyEnd: '2026-11-01' });
    expect(inclusive.calculation.totals).toMatchObject({ gross: 7164, vat: 1194 });
    // Invoiced 19 days after the work was completed: the completion date is the tax point.
    expect(inclusive.taxPoint).toMatchObject({ date: '2026-11-01', rule: 'uk-basic' });
  });

  it('waits for an ISO currency and a complete issue date', () => {
    expect(draftTerms(fields({ currency: '' }))).toBeNull();
    expect(draftTerms(fields({ currency: 'XYZ' }))).toBeNull();
    expect(draftTerms(fields({ issueDate: '2026-11' }))).toBeNull();
    expect(draftTerms(fields())).not.toBeNull();
  });

  it('drops invalid lines and remembers where the valid ones sit in the form', () => {
    const draft = draftTerms(fields({ lines: [fee('1', ''), fee('2', '100'), { ...fee('1', '50'), description: '' }, fee('3', '10')] }))!;
    expect(draft.positions).toEqual([1, 3]);
    expect(draft.terms.lines).toEqual([
      { id: null, description: 'Review', kind: 'fee', quantity: '2', unit: 'hour', unitPrice: '100' },
      { id: null, description: 'Review', kind: 'fee', quantity: '3', unit: 'hour', unitPrice: '10' },
    ]);
  });

  it('ignores an unfinished tax point or percentage, and trims a finished percentage', () => {
    const draft = draftTerms(fields({ overrideTaxPoint: true, taxPoint: '2026-11-1', discountPercent: '7.', withholdingPercent: ' 15 ' }))!;
    expect(draft.terms.taxPoint).toBeNull();
    expect(draft.terms.discountPercent).toBeNull();
    expect(draft.terms.withholdingPercent).toBe('15');
    expect(draftTerms(fields({ overrideTaxPoint: true, taxPoint: '2026-11-18' }))!.terms.taxPoint).toBe('2026-11-18');
  });

  it('counts blank payment terms as 0 days', () => {
    expect(draftTerms(fields({ paymentTermsDays: '' }))!.terms.paymentTermsDays).toBe(0);
    expect(draftTerms(fields({ paymentTermsDays: '14' }))!.terms.paymentTermsDays).toBe(14);
  });

  it('uses the VAT override only when it is switched on and its rate is a number', () => {
    const override = { category: 'zero' as const, rate: '0', reason: 'Export' };
    expect(draftTerms(fields({ overrideVat: false, vatOverride: override }))!.terms.vatOverride).toBeNull();
    expect(draftTerms(fields({ overrideVat: true, vatOverride: { ...override, rate: '' } }))!.terms.vatOverride).toBeNull();
    expect(draftTerms(fields({ overrideVat: true, vatOverride: override }))!.terms.vatOverride).toEqual(override);
  });
});

describe('previewDraft', () => {
  it('prices the valid lines with UK VAT and puts each amount on its form row', () => {
    const result = figures({ lines: [fee('', '100'), fee('2', '100'), fee('1', '50.5')] });
    expect(result.calculation.lines.map((l) => [l.index, l.amount])).toEqual([
      [1, 20000],
      [2, 5050],
    ]);
    expect(result.calculation.totals).toMatchObject({ net: 25050, vat: 5010, gross: 30060 });
    expect(result.dueDate).toBe('2026-12-20');
  });

  it('keeps the generated discount line unattached to any form row', () => {
    const result = figures({ lines: [fee('x', '1'), fee('1', '200')], discountPercent: '10' });
    expect(result.calculation.lines.map((l) => [l.index, l.amount])).toEqual([
      [1, 20000],
      [null, -2000],
    ]);
  });

  it("applies a recorded override's rate instead of the treatment's", () => {
    const result = figures({ overrideVat: true, vatOverride: { category: 'standard', rate: '5', reason: 'Reduced rate' } });
    expect(result.vat).toEqual({ category: 'standard', rate: '5', overridden: true });
    expect(result.calculation.totals.vat).toBe(1000);
  });

  it('says why, on the form row, when the typed values are out of range', () => {
    const huge = fee('999999', '99999999');
    expect(draftTerms(fields({ lines: [huge] }))!.terms.lines).toHaveLength(1);
    const message = 'Line 3 comes to more than 1,000,000,000,000 GBP, more than one document can hold. Check the quantity and price.';
    expect(preview({ lines: [fee('1', '10'), fee('x', '1'), huge] })).toEqual({ refused: message, fieldErrors: { 'lines.2.unitPrice': message } });
    expect(preview({ issueDate: '1999-01-01' })).toMatchObject({ refused: expect.stringContaining('no UK VAT rate'), fieldErrors: { issueDate: expect.any(String) } });
    expect(preview({ currency: '' })).toBeNull();
  });
});
