import { calculateInvoice } from '../shared/invoice/calculate';
import type { CalculateInvoiceInput, InvoiceLineInput } from '../shared/invoice/types';
import { measure } from './harness';

function invoiceWith(lineCount: number): CalculateInvoiceInput {
  const kinds: InvoiceLineInput['kind'][] = ['fee', 'fee', 'fee', 'expense', 'disbursement'];
  const lines = Array.from({ length: lineCount }, (_, i): InvoiceLineInput => ({
    description: `Performance review, day ${i + 1}`,
    kind: kinds[i % kinds.length]!,
    quantity: ['7.5', '0.25', '3', '1', '2.75'][i % 5]!,
    unit: 'hour',
    unitPrice: ['300', '97.35', '275.50', '125.99', '1.005'][i % 5]!,
  }));
  return {
    currency: 'USD',
    lines,
    vat: { category: 'standard', rate: '20' },
    discountPercent: '12.5',
    fx: { rate: '1.2560', source: 'hmrc-period', date: '2026-11-01', homeCurrency: 'GBP' },
  };
}

export async function invoiceCalculationBenchmarks() {
  const small = invoiceWith(20);
  const large = invoiceWith(500);
  return [
    await measure('calculateInvoice, 20 lines', () => calculateInvoice(small), { runs: 2000 }),
    await measure('calculateInvoice, 500 lines', () => calculateInvoice(large), { runs: 500, targetMs: 1 }),
  ];
}
