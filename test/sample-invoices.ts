import fs from 'node:fs';
import path from 'node:path';
import type { CallInput } from '../shared/api/contract';
import type { TestApi } from './api-client';

/** The app icon stands in for a customer's logo. */
function logoPng(): string {
  return fs.readFileSync(path.resolve(import.meta.dirname, '..', 'build', 'icon.png')).toString('base64');
}

const supplier = {
  businessName: 'Ada Performance',
  legalName: 'Ada Performance Ltd',
  addressLine1: '1 Example Street',
  addressLine2: 'Clerkenwell',
  city: 'London',
  postalCode: 'EC1A 1AA',
  country: 'GB',
  homeCurrency: 'GBP',
  vatRegistered: true,
  vatNumber: 'GB123456782',
  companyNumber: '09876543',
  defaultPaymentTermsDays: 14,
  email: 'billing@ada-performance.example',
  website: 'https://ada-performance.example',
  bankAccounts: [
    { currency: 'GBP', accountHolder: 'Ada Performance Ltd', bankName: 'Example Bank', accountNumber: '12345678', sortCode: '12-34-56' },
    { currency: 'EUR', accountHolder: 'Ada Performance Ltd', bankName: 'Example Bank', iban: 'GB82 WEST 1234 5698 7654 32', bic: 'WESTGB2L' },
    { currency: 'USD', accountHolder: 'Ada Performance Ltd', bankName: 'Example Bank', accountNumber: '987654321', routingNumber: '026009593' },
  ],
} satisfies CallInput<'profile.save'>;

const work = (hours: string, description: string) => ({ description, kind: 'fee' as const, quantity: hours, unit: 'hour' as const, unitPrice: '300' });

/** The four documents a reviewer looks at: UK VAT, EU reverse charge, USD with GBP figures, credit note. */
export async function sampleInvoices(api: TestApi) {
  await api.call('profile.save', supplier);
  await api.call('profile.setLogo', { mimeType: 'image/png', dataBase64: logoPng() });
  const uk = await api.call('clients.create', { name: 'Initech', legalName: 'Initech Ltd', country: 'GB', addressLine1: '4120 Freidrich Lane', city: 'Leeds', postalCode: 'LS1 4AP', timezone: 'Europe/London', currency: 'GBP', customerType: 'business', taxNumber: 'GB987654353' });
  await api.call('contacts.create', { clientId: uk.id, name: 'Zoë Łukasz Øster 王小明', email: 'ap@initech.example', isBilling: true });
  const de = await api.call('clients.create', { name: 'Acme Analytics', legalName: 'Acme Analytics GmbH', country: 'DE', addressLine1: 'Friedrichstraße 12', city: 'Berlin', postalCode: '10117', timezone: 'Europe/Berlin', currency: 'EUR', customerType: 'business', taxNumber: 'DE123456788' });
  const lines = [
    work('7.5', 'Postgres performance review: slow-query analysis and index plan'),
    work('0.75', 'Intro call'),
    work('12.25', 'Rails background-job throughput work, week of 9 November'),
    { description: 'Return rail fare London–Leeds', kind: 'expense' as const, quantity: '1', unit: 'item' as const, unitPrice: '84.20' },
    { description: 'Hotel, 2 nights (net of reclaimed VAT)', kind: 'expense' as const, quantity: '2', unit: 'item' as const, unitPrice: '125' },
  ];
  const common = { issueDate: '2026-11-20', supplyStart: '2026-11-09', supplyEnd: '2026-11-20', paymentTermsDays: 14, poNumber: 'PO-4471' };
  const ukDraft = await api.call('invoices.createDraft', { clientId: uk.id, currency: 'GBP', ...common, discountPercent: '10', lines });
  const ukInvoice = await api.call('invoices.issue', { id: ukDraft.id });
  const euDraft = await api.call('invoices.createDraft', { clientId: de.id, currency: 'EUR', ...common, lines: lines.slice(0, 3) });
  const euInvoice = await api.call('invoices.issue', { id: euDraft.id, fx: { rate: '1.1564', source: 'hmrc-period', date: '2026-11-01' } });
  const usdDraft = await api.call('invoices.createDraft', { clientId: uk.id, currency: 'USD', ...common, notes: 'Thank you for your business.', lines });
  const usdInvoice = await api.call('invoices.issue', { id: usdDraft.id, fx: { rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' } });
  const credit = await api.call('creditNotes.issue', { invoiceId: ukInvoice.id, reason: 'The intro call is not billable.', issueDate: '2026-11-24', lines: [{ lineId: ukInvoice.lines[1]!.id, quantity: '0.75' }] });
  return { api, ukInvoice, euInvoice, usdInvoice, credit };
}

export async function samplePdf(api: TestApi, id: number): Promise<Buffer> {
  return Buffer.from((await api.call('invoices.pdf', { id })).dataBase64, 'base64');
}

/** One line per script the PDF fonts draw, for the PDF tests and a look at the rendered page. */
export const SCRIPT_SAMPLES = {
  latin: 'Zoë Łukasz Øster, café crème',
  greek: 'Ελληνικά: Ζωή Παπαδοπούλου',
  cyrillic: 'Кириллица: Юлия Смирнова',
  chinese: '中文：王小明的数据库',
  japanese: '日本語：ひらがな カタカナ 東京',
  korean: '한국어 ✅ 😀',
  hebrew: 'עברית: שלום עולם',
  arabic: 'العربية: شركة الأمل',
  devanagari: 'हिन्दी: नमस्ते दुनिया',
  thai: 'ภาษาไทย: สวัสดีครับ',
  symbols: 'Symbols: → ★ ✓ ⚠ € ₹ ≤ ∑ ♫',
  emoji: 'Emoji: 😀 🚀 👍 🎉',
} as const;

/** A US client (an EIN, a US address, USD), and an invoice to an Israeli client with every script in its lines. */
export async function moreSampleInvoices(api: TestApi) {
  const us = await api.call('clients.create', { name: 'Globex', legalName: 'Globex Corporation', country: 'US', addressLine1: '350 Boylston Street', addressLine2: 'Suite 400', city: 'Boston', region: 'MA', postalCode: '02116', timezone: 'America/New_York', currency: 'USD', customerType: 'business', taxNumber: '12-3456789' });
  const usDraft = await api.call('invoices.createDraft', {
    clientId: us.id, currency: 'USD', issueDate: '2026-11-20', paymentTermsDays: 30,
    lines: [work('1', 'Architecture review'), { description: 'Workshop', kind: 'fee', quantity: '2', unit: 'day', unitPrice: '2400' }, { description: 'Flight London–Boston', kind: 'expense', quantity: '1', unit: 'item', unitPrice: '640' }],
  });
  const usInvoice = await api.call('invoices.issue', { id: usDraft.id, fx: { rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' } });
  const il = await api.call('clients.create', { name: 'שלום טכנולוגיות', legalName: 'شركة الأمل للتقنية', country: 'IL', addressLine1: 'רחוב הרצל 10', city: 'תל אביב', postalCode: '6100000', timezone: 'Asia/Jerusalem', currency: 'GBP', customerType: 'business' });
  const lines = Object.values(SCRIPT_SAMPLES).map((description) => ({ description, kind: 'fee' as const, quantity: '1', unit: 'hour' as const, unitPrice: '100' }));
  const scriptsDraft = await api.call('invoices.createDraft', { clientId: il.id, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, notes: `${SCRIPT_SAMPLES.hebrew} (123)\n${SCRIPT_SAMPLES.arabic} 2026`, lines });
  const scriptsInvoice = await api.call('invoices.issue', { id: scriptsDraft.id });
  return { usInvoice, scriptsInvoice };
}
