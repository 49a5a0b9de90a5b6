import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateInvoice } from './calculate';
import { creditExactness, creditPosition, creditSettings, type PriorCredit } from './credit';
import { DEFAULT_SETTINGS, type CalculateInvoiceInput, type InvoiceCalculation, type InvoiceLineInput, type InvoiceSettings } from './types';

/** Issues the credit notes in `notes` (each a list of [invoice line, quantity]) one after another, as the app does. */
function creditInTurn(invoice: CalculateInvoiceInput, notes: [number, string][][]): InvoiceCalculation[] {
  const calculation = calculateInvoice(invoice);
  const prior: PriorCredit[] = [];
  for (const note of notes) {
    const position = creditPosition(
      calculation,
      invoice.lines.map((l) => l.quantity),
      prior,
    );
    const wanted = note.map(([line, quantity]) => ({ line, quantity }));
    const credit = calculateInvoice({
      ...invoice,
      kind: 'credit-note',
      lines: note.map(([line, quantity]) => ({ ...invoice.lines[line]!, quantity })),
      creditFor: { number: 'INV-1', date: '2026-11-20' },
      credit: creditExactness(position, wanted),
    });
    prior.push({ calculation: credit, creditsLine: note.map(([line]) => line), quantities: note.map(([, quantity]) => quantity) });
  }
  return prior.map((p) => p.calculation);
}

const sum = (notes: InvoiceCalculation[], pick: (c: InvoiceCalculation) => number) => notes.reduce((total, c) => total + pick(c), 0);

function expectCreditsSumToInvoice(invoice: CalculateInvoiceInput, notes: InvoiceCalculation[]) {
  const original = calculateInvoice(invoice);
  for (const key of ['taxableNet', 'disbursements', 'net', 'vat', 'gross', 'withholding', 'payable'] as const) {
    expect({ key, total: 0 - sum(notes, (c) => c.totals[key]) }).toEqual({ key, total: original.totals[key] });
  }
  if (original.home) {
    expect(0 - sum(notes, (c) => c.home!.net)).toBe(original.home.net);
    expect(0 - sum(notes, (c) => c.home!.vat)).toBe(original.home.vat);
  }
}

const gbp = (lines: InvoiceLineInput[], settings: Partial<InvoiceSettings> = {}): CalculateInvoiceInput => ({
  currency: 'GBP',
  lines,
  vat: { category: 'standard', rate: '20' },
  settings,
});

const fee = (quantity: string, unitPrice: string): InvoiceLineInput => ({ description: 'Work', kind: 'fee', quantity, unit: 'hour', unitPrice });

describe('credit notes always credit what is left', () => {
  it('a disbursement left over does not hold back the VAT: the note that credits the last taxed line takes the rest of it', () => {
    // Found by the property below (seed 682779648): the second note took 7 of the 6 pence of VAT left, and the
    // last note, a disbursement alone, has no VAT group to give the penny back in.
    const invoice: CalculateInvoiceInput = {
      currency: 'EUR',
      lines: [
        { description: 'Courier', kind: 'disbursement', quantity: '0.25', unit: 'item', unitPrice: '0.001' },
        { description: 'Work', kind: 'fee', quantity: '0.5', unit: 'hour', unitPrice: '1.380' },
      ],
      vat: { category: 'standard', rate: '20' },
      discountPercent: '5',
      settings: { discountDisplay: 'per-line' },
    };
    const notes = creditInTurn(invoice, [[[1, '0.25']], [[1, '0.25']], [[0, '0.25']]]);
    expect(notes.map((n) => n.totals.vat)).toEqual([-7, -6, 0]);
    expectCreditsSumToInvoice(invoice, notes);
  });

  it('two halves of 2 × £12.03 at 20% credit £14.44 and then exactly the £14.43 left', () => {
    const invoice = gbp([fee('2', '12.03')]);
    expect(calculateInvoice(invoice).totals.gross).toBe(2887);
    const [first, second] = creditInTurn(invoice, [[[0, '1']], [[0, '1']]]);
    expect(first!.totals).toMatchObject({ net: -1203, vat: -241, gross: -1444 });
    expect(second!.totals).toMatchObject({ net: -1203, vat: -240, gross: -1443 });
    expect(second!.explanation.map((e) => e.text).join('\n')).toMatch(/takes the rest of the invoice's VAT, -2\.40/);
  });

  it('crediting a four-line invoice line by line sums to the invoice', () => {
    const invoice = gbp([fee('1', '12.03'), fee('1', '12.03'), fee('2', '0.99'), fee('1', '7.07')]);
    const notes = creditInTurn(invoice, [[[0, '1']], [[1, '1']], [[2, '2']], [[3, '1']]]);
    expectCreditsSumToInvoice(invoice, notes);
  });

  it('a line credited in parts takes its exact remaining amount with its last part', () => {
    const invoice = gbp([fee('3', '3.333'), fee('1', '100')]);
    const [a, b, c] = creditInTurn(invoice, [[[0, '1']], [[0, '1']], [[0, '1']]]);
    expect([a!.lines[0]!.amount, b!.lines[0]!.amount, c!.lines[0]!.amount]).toEqual([-333, -333, -334]);
  });

  it('the position reports what is left per line', () => {
    const invoice = gbp([fee('2', '12.03'), fee('1', '50')]);
    const [note] = creditInTurn(invoice, [[[0, '1']]]);
    const position = creditPosition(calculateInvoice(invoice), ['2', '1'], [{ calculation: note!, creditsLine: [0], quantities: ['1'] }]);
    expect(position.lines.map((l) => [l.quantity, l.amount])).toEqual([
      ['1', 1203],
      ['1', 5000],
    ]);
    // The invoice's VAT is 20% of £74.06 = £14.81; the note took £2.41 of it.
    expect(position.totals).toEqual({ net: 6203, vat: 1240, gross: 7443, payable: 7443 });
  });

  it('uses the settings frozen with the invoice, and reads them back from older documents', () => {
    const down = calculateInvoice(gbp([fee('1', '0.99')], { vatRounding: 'down', vatLevel: 'line' }));
    const current: InvoiceSettings = { ...DEFAULT_SETTINGS, vatRounding: 'half-up', vatLevel: 'invoice' };
    expect(creditSettings(down, { ...DEFAULT_SETTINGS, vatRounding: 'down', vatLevel: 'line' }, current)).toMatchObject({ vatRounding: 'down', vatLevel: 'line' });
    expect(creditSettings(down, undefined, current)).toMatchObject({ vatLevel: 'line' });
  });

  const quantityUnits = fc.integer({ min: 1, max: 40 });
  const price = fc.integer({ min: 1, max: 2_000_000 }).map((n) => `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, '0')}`);
  const kind = fc.constantFrom('fee', 'fee', 'expense', 'disbursement', 'discount') as fc.Arbitrary<InvoiceLineInput['kind']>;
  const settings = fc.record({
    vatRounding: fc.constantFrom('half-up', 'down') as fc.Arbitrary<InvoiceSettings['vatRounding']>,
    vatLevel: fc.constantFrom('invoice', 'line') as fc.Arbitrary<InvoiceSettings['vatLevel']>,
    discountDisplay: fc.constantFrom('separate-line', 'per-line') as fc.Arbitrary<InvoiceSettings['discountDisplay']>,
    pricesIncludeVat: fc.boolean(),
    fxMethod: fc.constantFrom('A', 'B') as fc.Arbitrary<InvoiceSettings['fxMethod']>,
  });

  it('property: any sequence of credit notes that credits every line sums to the invoice exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(kind, quantityUnits, price), { minLength: 1, maxLength: 6 }),
        settings,
        fc.option(fc.constantFrom('5', '12.5', '33.33'), { nil: null }),
        fc.option(fc.constantFrom('15'), { nil: null }),
        fc.option(fc.constantFrom('1.1723', '0.8571'), { nil: null }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        (rows, chosen, discountPercent, withholdingPercent, fxRate, noteCount, seed) => {
          // Quantities are in quarter units so that they split into parts.
          const lines = rows.map(([k, units, p]) => ({ description: 'Line', kind: k, quantity: String(units / 4), unit: 'hour' as const, unitPrice: p }));
          const invoice: CalculateInvoiceInput = {
            currency: 'EUR',
            lines,
            vat: { category: 'standard', rate: '20' },
            discountPercent,
            withholdingPercent,
            fx: fxRate ? { rate: fxRate, source: 'hmrc-period' as const, date: '2026-11-01', homeCurrency: 'GBP' as const } : null,
            settings: chosen,
          };
          // Split each line's quarters across the notes, pseudo-randomly from the seed.
          let state = seed >>> 0;
          const next = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0);
          const parts: Map<number, number>[] = Array.from({ length: noteCount }, () => new Map());
          rows.forEach(([, units], line) => {
            for (let q = 0; q < units; q++) {
              const note = parts[next() % noteCount]!;
              note.set(line, (note.get(line) ?? 0) + 1);
            }
          });
          const notes = parts.filter((p) => p.size > 0).map((p) => [...p].map(([line, quarters]) => [line, String(quarters / 4)] as [number, string]));
          expectCreditsSumToInvoice(invoice, creditInTurn(invoice, notes));
        },
      ),
      { numRuns: 300 },
    );
  });
});
