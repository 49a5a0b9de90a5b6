/**
 * Child process of the "main-process RSS after 20,000 calls" row (bench/store.ts):
 * `<data folder>`. Opens the store, warms up with 1,000 calls, then makes 20,000 of the calls the
 * screens make (lists with filters, searches, invoices.get, clients.get, one draft saved in 50)
 * and prints `{"beforeMb": …, "afterMb": …, "ms": …}`: RSS in MiB after a forced collection.
 */
import type { CallName } from '../shared/api/call-names';
import type { CallInput, CallOutput } from '../shared/api/contract';
import { openApi } from '../test/api-client';
import { rssAfterGcMb } from '../test/gc';

const api = openApi(process.argv[2]!);
await api.holder.settled();
const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
  const result = await api.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
};

const [draft] = await call('invoices.list', { status: 'draft', limit: 1 });
const open = await call('invoices.get', { id: draft!.id });
const edit = {
  id: open.id,
  clientId: open.clientId,
  currency: open.currency,
  issueDate: open.issueDate,
  paymentTermsDays: 14,
  lines: open.lines.map(({ description, kind, quantity, unit, unitPrice }) => ({ description, kind, quantity, unit, unitPrice })),
};
const issued = (await call('invoices.list', { status: 'paid', limit: 200 })).map((row) => row.id);
const searches = ['acme', 'ÉCOLE', 'zürich labs', 'retainer', 'nomatch'];
let n = 0;
const calls = [
  () => call('invoices.get', { id: issued[n % issued.length]! }),
  () => call('invoices.list', { status: 'all' }),
  () => call('invoices.list', { status: 'overdue' }),
  () => call('invoices.list', { status: 'paid', clientId: 1 + (n % 400) }),
  () => call('clients.list', { status: 'all', search: searches[n % searches.length]! }),
  () => call('clients.list', {}),
  () => call('clients.get', { id: 1 + (n % 400) }),
];
const run = async (count: number) => {
  for (let i = 0; i < count; i++, n++) await (i % 50 === 49 ? call('invoices.updateDraft', edit) : calls[i % calls.length]!());
};
await run(1_000);
const beforeMb = rssAfterGcMb();
const started = performance.now();
await run(20_000);
const ms = performance.now() - started;
const afterMb = rssAfterGcMb();
await api.holder.settled();
api.holder.close();
console.log(JSON.stringify({ beforeMb, afterMb, ms }));
