/**
 * The child of the kill -9 loop (crash-loop.test.ts): the real StoreHolder and router on a data
 * folder, drafting, issuing, paying, crediting and backing up until it is killed. Each write the
 * router has answered is reported on stdout as one JSON line before the next begins, so the
 * parent knows what the app had acknowledged when the kill came.
 *
 * Usage: node --import tsx test/crash/worker.ts <dataDir> <migrationsDir> <seed> (the loop runs a
 * bundle of this file, which starts several times faster than tsx).
 */
import { createRouter } from '../../electron/main/api/router';
import { StoreHolder } from '../../electron/main/api/store-holder';
import type { CallName } from '../../shared/api/call-names';
import type { CallInput, CallOutput } from '../../shared/api/contract';
import { contractTerms, sampleProfile, ukClient } from '../fixtures';

export type Ack =
  | { kind: 'ready' }
  | { kind: 'issued'; id: number; number: string }
  | { kind: 'credited'; id: number; number: string; invoiceId: number }
  | { kind: 'paid'; paymentId: number; invoiceId: number }
  | { kind: 'backup'; path: string }
  | { kind: 'billed'; invoiceId: number; entries: number }
  | { kind: 'releasing'; invoiceId: number }
  | { kind: 'released'; invoiceId: number };

const [dataDir, migrationsDir, seedText] = process.argv.slice(2);
if (!dataDir || !migrationsDir) throw new Error('usage: worker.ts <dataDir> <migrationsDir> <seed>');

// A small deterministic generator, so a failing run can be replayed from its seed.
let seed = Number(seedText ?? 1) >>> 0 || 1;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

// Pipes are written synchronously on Linux and macOS, so a line is out before the next call starts.
const ack = (message: Ack) => process.stdout.write(`${JSON.stringify(message)}\n`);

const holder = new StoreHolder({ dataDir, migrationsDir });
holder.open();
const status = holder.status();
if (status.state !== 'ready') {
  process.stderr.write(`the data file did not open: ${status.reason}: ${status.message}\n`);
  process.exit(2);
}
const router = createRouter({ holder, log: (message, error) => process.stderr.write(`${message}: ${String(error)}\n`) });

async function call<K extends CallName>(name: K, input?: CallInput<K>): Promise<CallOutput<K>> {
  const result = await router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as CallOutput<K>;
}

if (!status.hasProfile) await call('profile.save', sampleProfile);
const clientId = (await call('clients.list', {}))[0]?.id ?? (await call('clients.create', ukClient)).id;
// A fortnightly contract from 2020, so a billing period has always ended, whatever today is.
const contractId =
  (await call('contracts.list', {}))[0]?.id ??
  (await (async () => {
    const card = await call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'GBP', amount: '300', effectiveFrom: '2020-01-01' });
    const contract = await call('contracts.create', contractTerms(clientId, card.id, { startDate: '2020-01-03', currency: 'GBP', billingCycle: { kind: 'fortnightly', anchor: '2020-01-03' } }));
    return (await call('contracts.sign', { id: contract.id })).id;
  })());
const logWork = holder.store().sqlite.prepare("insert into time_entries (contract_id, work_date, duration_seconds, note, billable, created_at, updated_at) values (?, '2020-01-06', ?, 'Tuning', 1, 'x', 'x')");
ack({ kind: 'ready' });
// A kill between a run and releasing its draft leaves the draft (the parent has checked it whole): release it, as the loop would have.
for (const id of holder.store().sqlite.prepare('select id from invoices where billing_period_start is not null').pluck().all() as number[]) {
  ack({ kind: 'releasing', invoiceId: id });
  await call('invoices.deleteDraft', { id });
  ack({ kind: 'released', invoiceId: id });
}

for (;;) {
  const draft = await call('invoices.createDraft', {
    clientId,
    currency: 'GBP',
    issueDate: '2026-11-20',
    paymentTermsDays: 14,
    lines: [
      { description: 'Postgres performance review', kind: 'fee', quantity: String(1 + Math.floor(random() * 10)), unit: 'hour', unitPrice: '300' },
      { description: 'Train to Leeds', kind: 'expense', quantity: '1', unit: 'item', unitPrice: '84.20' },
    ],
  });
  const issued = await call('invoices.issue', { id: draft.id });
  ack({ kind: 'issued', id: issued.id, number: issued.number! });
  if (random() < 0.6) {
    const paid = await call('payments.record', { invoiceId: issued.id, date: '2026-11-25', amount: '100.00', method: 'bank-transfer' });
    ack({ kind: 'paid', paymentId: Math.max(...paid.payments.map((p) => p.id)), invoiceId: issued.id });
  }
  if (random() < 0.3) {
    const credit = await call('creditNotes.issue', {
      invoiceId: issued.id,
      reason: 'Travel not needed',
      issueDate: '2026-11-26',
      lines: [{ lineId: issued.lines[1]!.id, quantity: '1' }],
    });
    ack({ kind: 'credited', id: credit.id, number: credit.number!, invoiceId: issued.id });
  }
  if (random() < 0.3) {
    // Work, a billing run, and releasing its draft again: a kill lands inside the run's transaction too.
    for (let i = 0; i < 3; i++) logWork.run(contractId, 60 + Math.floor(random() * 7200));
    const { drafts } = await call('billing.run', { contractIds: [contractId], grouping: random() < 0.5 ? 'period' : 'day' });
    ack({ kind: 'billed', invoiceId: drafts[0]!.invoiceId, entries: (holder.store().sqlite.prepare('select count(*) from time_entries').pluck().get() as number) });
    // Said before the delete: a kill after it commits but before "released" arrives leaves no draft.
    ack({ kind: 'releasing', invoiceId: drafts[0]!.invoiceId });
    await call('invoices.deleteDraft', { id: drafts[0]!.invoiceId });
    ack({ kind: 'released', invoiceId: drafts[0]!.invoiceId });
  }
  if (random() < 0.1) {
    const backup = await call('backups.create');
    if (backup.status === 'saved') ack({ kind: 'backup', path: backup.path });
  }
}
