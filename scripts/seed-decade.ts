/**
 * npm run seed:decade -- --scale 1 [--pdfs 100] [folder]
 * Writes a deterministic decade of work (scripts/seed/decade.ts) and its engagements (contracts,
 * time entries, expenses: scripts/seed/engagements.ts) into `folder`, else
 * BILLABLE_DATA_DIR, else .tmp/decade-<scale>x. The folder must not hold a book yet.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDecade } from './seed/decade';
import { seedEngagements } from './seed/engagements';

const { values, positionals } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, pdfs: { type: 'string', default: '100' } },
  allowPositionals: true,
});
const scale = Number(values.scale);
const pdfs = Number(values.pdfs);
if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(pdfs) || pdfs < 0) {
  console.error('Usage: npm run seed:decade -- --scale <whole number ≥ 1> [--pdfs <count>] [data folder]');
  process.exit(2);
}
const dataDir = path.resolve(positionals[0] ?? process.env.BILLABLE_DATA_DIR ?? path.join(import.meta.dirname, '..', '.tmp', `decade-${scale}x`));
console.log(`seeding ${dataDir} at ${scale}×`);
const summary = await seedDecade(dataDir, { scale, pdfs, log: (line) => console.log(`  ${line}`) });
console.log(
  `${summary.clients} clients, ${summary.invoices} invoices with ${summary.lines} lines, ${summary.creditNotes} credit notes, ` +
    `${summary.drafts} drafts, ${summary.payments} payments, ${summary.storedPdfs} stored PDFs in ${summary.seconds.toFixed(1)} s`,
);
const engagements = await seedEngagements(dataDir, { scale, log: (line) => console.log(`  ${line}`) });
console.log(
  `${engagements.contracts} contracts, ${engagements.timeEntries} time entries, ${engagements.expenses} expenses, ` +
    `${engagements.billedInvoices} invoices billed by the run, ${engagements.dueContracts} due in ${engagements.seconds.toFixed(1)} s`,
);
