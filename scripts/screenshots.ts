/**
 * Captures the main screens in both themes for review: `npm run screenshots` (after a build).
 * Seeds realistic data through the browser host's API, never through the database directly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startHost } from '../electron/host/server';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, '.tmp', 'screens');
fs.mkdirSync(outDir, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billable-screens-'));
const host = await startHost({ dataDir, rendererDir: path.join(root, 'out', 'renderer'), migrationsDir: path.join(root, 'db', 'migrations') });

async function call(name: string, input?: unknown) {
  const response = await fetch(new URL(`/api/${name}`, host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-billable-token': host.token },
    body: JSON.stringify({ input }),
  });
  const result = (await response.json()) as { ok: boolean; value: { id: number } };
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result.value;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

// First run, in both themes, on an empty data folder of its own.
const firstRunDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billable-first-run-'));
const firstRun = await startHost({ dataDir: firstRunDir, rendererDir: path.join(root, 'out', 'renderer'), migrationsDir: path.join(root, 'db', 'migrations') });
for (const scheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: scheme, locale: 'en-GB' });
  await page.goto(firstRun.url);
  await page.locator('[data-app-state="onboarding"]').waitFor();
  await page.screenshot({ path: path.join(outDir, `onboarding-${scheme}.png`) });
  await page.close();
}
await firstRun.close();
fs.rmSync(firstRunDir, { recursive: true, force: true });
for (const scheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: scheme, locale: 'en-GB' });
  await page.goto(host.url);
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true });
  const shot = async (name: string) => page.screenshot({ path: path.join(outDir, `${name}-${scheme}.png`) });
  if (scheme === 'light') {
    await page.locator('[data-app-state="onboarding"]').waitFor();
    await page.getByRole('textbox', { name: 'Business name', exact: true }).fill('Ada Performance Ltd');
    await page.getByRole('button', { name: 'Continue' }).click();
    await shot('onboarding-step2');
    await call('profile.save', {
      businessName: 'Ada Performance Ltd', legalName: 'Ada Performance Limited', addressLine1: '1 Example Street', city: 'London',
      postalCode: 'EC1A 1AA', country: 'GB', homeCurrency: 'GBP', vatRegistered: true, vatNumber: 'GB123456782', defaultPaymentTermsDays: 14,
      bankAccounts: [{ currency: 'GBP', accountHolder: 'Ada Performance Ltd', accountNumber: '12345678', sortCode: '12-34-56' }],
    });
    const acme = await call('clients.create', { name: 'Acme Analytics', legalName: 'Acme Analytics GmbH', country: 'DE', city: 'Berlin', addressLine1: 'Friedrichstraße 12', postalCode: '10117', timezone: 'Europe/Berlin', currency: 'EUR', customerType: 'business', taxNumber: 'DE123456788', tags: ['postgres', 'retainer'], notes: 'Quarterly performance review of the reporting cluster.\nPrefers invoices as PDF to accounts@acme.example.' });
    await call('contacts.create', { clientId: acme.id, name: 'Zoë Łukasz', role: 'CTO', email: 'zoe@acme.example', phone: '+49 30 1234567', isBilling: true });
    await call('contacts.create', { clientId: acme.id, name: 'Øster 王小明', role: 'Accounts payable', email: 'ap@acme.example' });
    const northwind = await call('clients.create', { name: 'Northwind Traders', country: 'US', city: 'Seattle', timezone: 'America/Los_Angeles', currency: 'USD', customerType: 'business', tags: ['rails'] });
    await call('contacts.create', { clientId: northwind.id, name: 'Nancy Davolio', email: 'nancy@northwind.example', isBilling: true });
    await call('clients.create', { name: 'Globex', legalName: 'Globex B.V.', country: 'NL', timezone: 'Europe/Amsterdam', currency: 'EUR', customerType: 'business', taxNumber: 'NL123456782B01', tags: ['sre'] });
    await call('clients.create', { name: 'Jersey Holdings', country: 'JE', timezone: 'Europe/Jersey', currency: 'GBP', customerType: 'business' });
    await call('clients.create', { name: 'Kiwi Labs', country: 'NZ', timezone: 'Pacific/Auckland', currency: 'NZD', customerType: 'business', tags: ['retainer'] });
    const uk = await call('clients.create', { name: 'Initech', legalName: 'Initech Ltd', country: 'GB', city: 'Leeds', timezone: 'Europe/London', currency: 'GBP', customerType: 'business', taxNumber: 'GB987654353' });
    const lines = [
      { description: 'Postgres performance review', kind: 'fee', quantity: '7.5', unit: 'hour', unitPrice: '300' },
      { description: 'Intro call', kind: 'fee', quantity: '0.75', unit: 'hour', unitPrice: '300' },
      { description: 'Return rail fare London–Leeds', kind: 'expense', quantity: '1', unit: 'item', unitPrice: '84.20' },
    ];
    const base = { paymentTermsDays: 14, lines };
    const inv1 = await call('invoices.createDraft', { ...base, clientId: uk.id, currency: 'GBP', issueDate: '2026-10-02' });
    await call('invoices.issue', { id: inv1.id });
    const inv2 = await call('invoices.createDraft', { ...base, clientId: acme.id, currency: 'EUR', issueDate: '2026-11-06' });
    await call('invoices.issue', { id: inv2.id, fx: { rate: '1.1710', source: 'hmrc-period', date: '2026-11-06' } });
    await call('payments.record', { invoiceId: inv2.id, date: '2026-11-15', amount: '1000', method: 'bank-transfer' });
    const inv3 = await call('invoices.createDraft', { ...base, clientId: northwind.id, currency: 'USD', issueDate: '2026-11-20' });
    await call('invoices.issue', { id: inv3.id, fx: { rate: '1.3120', source: 'hmrc-period', date: '2026-11-20' } });
    await call('invoices.createDraft', { ...base, clientId: uk.id, currency: 'GBP', issueDate: '2026-11-21', discountPercent: '10' });
    await call('invoices.createDraft', { ...base, clientId: uk.id, currency: 'USD', issueDate: '2026-11-22' });
    const standard = await call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2026-01-01', isDefault: true });
    await call('rateCards.addPrice', { rateCardId: standard.id, effectiveFrom: '2027-04-01', amount: '320' });
    await call('rateCards.create', { name: 'Workshop day', unit: 'day', currency: 'GBP', amount: '1800', hoursPerDay: '7.5', effectiveFrom: '2026-01-01' });
    const retained = await call('discounts.save', { name: 'Retained', tiers: [{ fromMonths: 0, percent: '10' }] });
    await call('discounts.save', { name: 'Long-term', tiers: [{ fromMonths: 3, percent: '5' }, { fromMonths: 6, percent: '10' }] });
    const terms = { notice: { amount: 4, unit: 'week' }, rateCardId: standard.id, paymentTermsDays: 30, rounding: { mode: 'up', incrementMinutes: 15, scope: 'entry' }, expensePolicy: { kind: 'at-cost' } };
    const nw = await call('contracts.create', {
      ...terms, clientId: northwind.id, title: 'Rails and Postgres performance', scope: 'Find and fix the slow queries behind checkout.\nCapacity plan for the holiday peak.',
      startDate: '2026-10-05', discount: { kind: 'rule', ruleId: retained.id }, currency: 'USD', billingCycle: { kind: 'fortnightly', anchor: '2026-10-05' }, budget: { kind: 'hours', amount: '120' }, poNumber: 'PO-4471',
    });
    await call('contracts.sign', { id: nw.id });
    await call('contracts.setStatus', { id: nw.id, status: 'active' });
    await call('contracts.setTimesheetAppendix', { id: nw.id, on: true });
    // The fortnight 16–29 Nov is due; this week has work on the grid too.
    const work: [string, string, string][] = [
      ['2026-11-16', '3:30', 'Checkout query: EXPLAIN ANALYZE and index plan'], ['2026-11-17', '6:15', 'Index rollout on orders and payments'],
      ['2026-11-19', '2:45', 'Call with the platform team'], ['2026-11-23', '7:30', 'Connection pooling with PgBouncer'],
      ['2026-11-25', '4:10', 'Holiday peak capacity plan'], ['2026-11-27', '1:20', 'Write-up for the CTO'],
      ['2026-11-30', '5:00', 'Autovacuum tuning'], ['2026-12-01', '6:45', 'Replica lag investigation'], ['2026-12-02', '2:00', 'Review with the DBA'],
    ];
    for (const [date, duration, note] of work) await call('time.create', { contractId: nw.id, date, timing: { kind: 'duration', duration }, note, billable: true });
    await call('time.create', { contractId: nw.id, date: '2026-12-01', timing: { kind: 'duration', duration: '0:45' }, note: 'Internal notes', billable: false });
    const travel = { currency: 'USD', contractId: nw.id, rebillable: true };
    await call('expenses.create', { ...travel, date: '2026-11-22', category: 'travel', supplier: 'British Airways', description: 'Flight LHR–SEA, economy return', amount: '1124.60' });
    await call('expenses.create', { ...travel, date: '2026-11-23', category: 'accommodation', supplier: 'Hotel Sorrento', description: 'Hotel, 4 nights', amount: '1296.00', vat: '0' });
    await call('expenses.create', { date: '2026-11-24', category: 'software', supplier: 'JetBrains', description: 'DataGrip licence', amount: '99.00', vat: '16.50', vatReclaimable: true, currency: 'GBP' });
    await call('contracts.create', {
      ...terms, clientId: acme.id, title: 'Reporting cluster retainer', startDate: '2027-01-04', discount: { kind: 'none' }, currency: 'EUR', fx: { mode: 'fixed', rate: '0.86', date: '2026-12-01' },
      billingCycle: { kind: 'monthly' }, retainer: { monthlyFee: '5000', includedHours: '20', overageRate: '260', rollover: true, rolloverCapHours: '10' },
    });
    await call('vatReturns.saveSettings', { frequency: 'quarterly', stagger: 1, registeredOn: '2026-04-01', flatRatePercent: null, wholePounds: 'truncate' });
    await call('leads.saveSettings', { ...(await call('leads.settings')), agencyDomains: ['hays.com', 'harnham.com'] });
    const pipeline: [Record<string, unknown>, string | null][] = [
      [{ title: 'Checkout latency audit', organisation: 'Contoso Retail', contactName: 'Priya Raman', contactEmail: 'priya@contoso.example', source: 'referral', sourceDetail: 'Nancy Davolio', estimate: '18000', currency: 'USD', timezone: 'America/New_York', nextAction: 'Send three call slots', nextActionDue: '2026-12-03', tags: ['postgres'], notes: 'Black Friday p99 at 2.4 s; wants a review before the January sale.' }, null],
      [{ title: 'Rails 8 upgrade review', organisation: 'Fabrikam', contactName: 'Jonas Müller', contactEmail: 'jonas@fabrikam.example', source: 'inbound', sourceDetail: 'Talk at RailsConf', estimate: '24000', currency: 'EUR', timezone: 'Europe/Berlin', tags: ['rails'] }, 'qualified'],
      [{ title: 'SRE for payments platform', organisation: 'Tailspin', contactName: 'Maya Chen', contactEmail: 'maya@tailspin.example', source: 'direct', estimate: '42000', currency: 'USD', timezone: 'America/Chicago', nextAction: 'Intro call', nextActionDue: '2026-12-08' }, 'call-booked'],
      [{ title: 'Database reliability retainer', organisation: 'Woodgrove Bank', contactName: 'Tom Hale', contactEmail: 'tom@woodgrove.example', source: 'referral', sourceDetail: 'Globex CTO', estimate: '60000', currency: 'GBP', timezone: 'Europe/London', nextAction: 'Follow up on proposal', nextActionDue: '2026-11-30' }, 'proposal-sent'],
      [{ title: 'Query tuning sprint', organisation: 'Litware', contactName: 'Ana Souza', contactEmail: 'ana@litware.example', source: 'platform', sourceDetail: 'Toptal', estimate: '9500', currency: 'USD', timezone: 'America/Sao_Paulo' }, 'negotiating'],
      [{ title: 'Senior DBA (6-month contract)', organisation: 'Hays', contactName: 'Sam Lee', contactEmail: 'sam.lee@hays.com', source: 'direct', estimate: '45000', currency: 'GBP', timezone: 'Europe/London' }, null],
    ];
    for (const [input, stage] of pipeline) {
      const lead = await call('leads.create', input);
      if (stage) await call('leads.setStage', { id: lead.id, stage });
    }
    const board = (await call('leads.list', {})) as unknown as { leads: { id: number; title: string }[] };
    const contoso = board.leads.find((l) => l.title === 'Checkout latency audit')!;
    await call('leads.logActivity', { leadId: contoso.id, kind: 'email', body: 'Priya wrote in after Nancy’s introduction: checkout p99 doubled since the Black Friday release.' });
    await call('leads.logActivity', { leadId: contoso.id, kind: 'note', body: 'Their team is in New York: afternoons in London work best.' });
    await page.reload();
  }
  await page.locator('[data-app-state="ready"]').waitFor();
  await page.goto(new URL('/#/clients', host.url).toString());
  await page.getByTestId('client-row').first().waitFor();
  await shot('clients');
  await page.getByTestId('client-row').filter({ hasText: 'Acme' }).click();
  await page.getByTestId('contact-row').first().waitFor();
  await shot('client-detail');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('dialog').waitFor();
  await shot('client-edit');
  await page.keyboard.press('Escape');
  await nav('Invoices').click();
  await page.getByTestId('invoice-row').first().waitFor();
  await shot('invoices');
  await page.getByTestId('invoice-row').filter({ hasText: 'US$' }).filter({ hasText: 'Draft' }).click();
  await page.getByTestId('total-gross').waitFor();
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  await page.getByRole('dialog').waitFor();
  await shot('issue-fx-modal');
  await page.keyboard.press('Escape');
  await nav('Invoices').click();
  await page.getByTestId('invoice-row').filter({ hasText: '£2,774.04' }).click();
  await page.getByTestId('line-row').first().waitFor();
  await page.getByTestId('total-gross').waitFor();
  await shot('invoice-draft');
  await nav('Invoices').click();
  await page.getByTestId('invoice-row').filter({ hasText: 'INV-2026-0002' }).click();
  await page.getByTestId('pdf-preview').waitFor();
  await page.waitForTimeout(1500);
  await shot('invoice-issued');
  await page.getByRole('button', { name: 'Credit note' }).click();
  await page.getByRole('dialog').waitFor();
  await shot('credit-note-modal');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Record payment' }).click();
  await page.getByRole('dialog').waitFor();
  await shot('payment-modal');
  await page.keyboard.press('Escape');
  await nav('Contracts').click();
  await page.getByTestId('contract-row').first().waitFor();
  await shot('contracts');
  await page.getByTestId('contract-row').filter({ hasText: 'Northwind' }).click();
  await page.getByTestId('contract-rate').waitFor();
  await shot('contract-detail');
  await nav('Contracts').click();
  await page.getByTestId('contract-row').filter({ hasText: 'Acme' }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByTestId('effective-rate').waitFor();
  await shot('contract-editor');
  await nav('Time').click();
  await page.getByTestId('week-grid').waitFor();
  await page.getByTestId('time-entry-row').first().waitFor();
  await shot('time');
  await nav('Expenses').click();
  await page.getByTestId('expense-row').first().waitFor();
  await shot('expenses');
  await nav('Billing run').click();
  await page.getByRole('table', { name: /^Lines for / }).first().waitFor();
  await shot('billing-run');
  await nav('Today').click();
  await page.getByRole('region', { name: 'Overdue' }).waitFor();
  await shot('today');
  await nav('Leads').click();
  await page.getByTestId('lead-card').first().waitFor();
  await shot('leads-board');
  await page.getByTestId('lead-card').filter({ hasText: 'Checkout latency audit' }).click();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await shot('lead');
  await page.keyboard.press('Control+K');
  await page.getByPlaceholder(/Search/).first().fill('postg');
  await page.getByText('Checkout latency audit').last().waitFor();
  await page.waitForTimeout(300);
  await shot('palette');
  await page.keyboard.press('Escape');
  await nav('Lead settings').click();
  await page.getByRole('heading', { name: 'Lead settings' }).waitFor();
  await shot('lead-settings');
  await nav('Dashboard').click();
  await page.getByTestId('profit-total').waitFor();
  await page.waitForTimeout(800);
  await shot('dashboard');
  await nav('VAT returns').click();
  await page.getByTestId('vat-periods').waitFor();
  await shot('vat-returns');
  await page.getByRole('row', { name: /^VAT return/ }).first().click();
  await page.getByTestId('vat-boxes').waitFor();
  await page.getByRole('button', { name: /^Box 1:/ }).click();
  await page.getByTestId('vat-boxes').getByRole('link').first().waitFor();
  // Let the accordion finish opening.
  await page.waitForTimeout(500);
  await shot('vat-return');
  await nav('Rate cards').click();
  await page.getByRole('table', { name: 'Rate cards' }).waitFor();
  await shot('rate-cards');
  await nav('Invoice settings').click();
  await page.getByRole('heading', { name: 'Invoice settings' }).waitFor();
  await shot('invoice-settings');
  await nav('Business profile').click();
  await page.getByRole('heading', { name: 'Business profile' }).waitFor();
  await shot('profile');
  await page.close();
}
await browser.close();
await host.close();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(`screenshots in ${outDir}`);
