import { describe, expect, it } from 'vitest';
import { billingStateLabel, checkReceipt, expenseFxProblems, lockProblem, rateFromHomeQuotes, RECEIPT_MAX_BYTES, sniffReceipt } from './rules';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const text = (s: string) => new TextEncoder().encode(s);

describe('receipt files', () => {
  it('knows a file by its content, not its name', () => {
    expect(sniffReceipt(text('%PDF-1.7\n...\n%%EOF\n'))).toBe('application/pdf');
    expect(sniffReceipt(PNG)).toBe('image/png');
    expect(sniffReceipt(JPEG)).toBe('image/jpeg');
    expect(sniffReceipt(new Uint8Array([0, 0, 0, 24, ...text('ftypmif1')]))).toBe('heic');
    // A PDF cut short (no %%EOF) is not a whole PDF.
    expect(sniffReceipt(text('%PDF-1.7\n1 0 obj'))).toBeNull();
    expect(sniffReceipt(text('GIF89a'))).toBeNull();
  });

  it('refuses an empty, oversize, mislabelled or unknown file, naming it and the problem', () => {
    expect(checkReceipt('a.png', PNG)).toEqual({ ok: true, type: 'image/png' });
    // A photo saved as .jpg that is really a PNG is still the photo.
    expect(checkReceipt('a.jpg', PNG)).toEqual({ ok: true, type: 'image/png' });
    expect(checkReceipt('scan', JPEG)).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkReceipt('a.pdf', new Uint8Array())).toEqual({ ok: false, message: 'a.pdf is empty' });
    expect(checkReceipt('invoice.pdf', JPEG)).toEqual({ ok: false, message: 'invoice.pdf is not a PDF: it holds a JPEG image. Rename it or choose the right file' });
    expect(checkReceipt('photo.png', text('%PDF-1.4 %%EOF'))).toEqual({ ok: false, message: 'photo.png is not a PNG image: it holds a PDF. Rename it or choose the right file' });
    expect(checkReceipt('fake.pdf', text('hello'))).toEqual({ ok: false, message: 'fake.pdf is not a PDF: its contents are not a PDF, JPEG or PNG' });
    const big = new Uint8Array(RECEIPT_MAX_BYTES + 1);
    big.set(PNG);
    expect(checkReceipt('big.png', big)).toMatchObject({ ok: false, message: 'big.png is larger than 20 MB; choose a smaller scan or photo' });
    const exactly = new Uint8Array(RECEIPT_MAX_BYTES);
    exactly.set(PNG);
    expect(checkReceipt('max.png', exactly).ok).toBe(true);
  });
});

describe('conversion to the contract currency', () => {
  it('needs a rate only when the expense is on a contract in another currency', () => {
    const fx = { rate: '0.85', date: '2026-11-18' };
    expect(expenseFxProblems('EUR', 'GBP', null)).toEqual({ 'fx.rate': "Enter how many GBP 1 EUR was worth, so the contract's invoice can bill it" });
    expect(expenseFxProblems('EUR', 'GBP', fx)).toEqual({});
    expect(expenseFxProblems('GBP', 'GBP', null)).toEqual({});
    expect(expenseFxProblems('GBP', 'GBP', fx)).toEqual({ 'fx.rate': 'The contract is in GBP too, so no rate is needed' });
    expect(expenseFxProblems('GBP', null, fx)).toEqual({ 'fx.rate': 'Only an expense on a contract in another currency takes a rate' });
    expect(expenseFxProblems('EUR', null, null)).toEqual({});
  });

  it('derives the rate from quotes per 1 unit of the home currency, never guessing one', () => {
    // Home GBP. A USD contract and a GBP receipt: the USD quote is the rate itself.
    expect(rateFromHomeQuotes('GBP', 'USD', 'GBP', { USD: '1.2560' })).toBe('1.2560');
    // A GBP contract and a EUR hotel: 1 ÷ 1.17 EUR per £1, half-up to 6 places.
    expect(rateFromHomeQuotes('EUR', 'GBP', 'GBP', { EUR: '1.17' })).toBe('0.854701');
    // A USD contract and a EUR hotel: USD per £ ÷ EUR per £.
    expect(rateFromHomeQuotes('EUR', 'USD', 'GBP', { EUR: '1.17', USD: '1.2560' })).toBe('1.073504');
    expect(rateFromHomeQuotes('EUR', 'USD', 'GBP', { EUR: '1.17' })).toBeNull();
    expect(rateFromHomeQuotes('EUR', 'GBP', 'GBP', {})).toBeNull();
  });
});

describe('billing state and locks', () => {
  it('names the invoice an expense was billed on', () => {
    expect(billingStateLabel('invoiced', 'INV-2026-0004')).toBe('Invoiced INV-2026-0004');
    expect(billingStateLabel('draft', null)).toBe('On draft invoice');
    expect(billingStateLabel('not-rebillable', null)).toBe('Not rebillable');
  });

  it('says how to release an expense on a draft, and that an issued one stays', () => {
    expect(lockProblem(null, 'changed')).toBeNull();
    expect(lockProblem({ status: 'issued', number: 'INV-2026-0004', clientName: 'Initech Ltd' }, 'deleted')).toBe(
      "This expense is on invoice INV-2026-0004, which is issued, so it can't be deleted. Issue a credit note if it was billed in error.",
    );
    expect(lockProblem({ status: 'draft', number: null, clientName: 'Initech Ltd' }, 'changed')).toBe(
      'This expense is on a draft invoice for Initech Ltd. Delete that draft, or its line for this expense, to release it; then it can be changed.',
    );
  });
});
