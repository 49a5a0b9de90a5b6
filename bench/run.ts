/**
 * npm run bench: speed targets, measured on this machine, printed as one table.
 * `npm run bench -- --lists` runs only the list calls, `--billing` only the billing rows, `--reports` only the dashboard and VAT return, `--leads` only global search and the lead board; `--10x` adds the 10× decade book (seeded once
 * into .tmp/decade-10x, then minutes per run), its list and issue targets following this run's 1×
 * figures.
 */
import { billingBenchmarks } from './billing';
import { bookWriteBenchmarks } from './book-writes';
import { printTable, type BenchResult } from './harness';
import { invoiceCalculationBenchmarks } from './invoice-calculation';
import { invoicingBenchmarks } from './invoicing';
import { leadBenchmarks } from './leads';
import { listBenchmarks } from './lists';
import { screenBenchmarks } from './screens';
import { storeBenchmarks } from './store';
import { reportBenchmarks } from './reports';

const args = new Set(process.argv.slice(2));
const listsOnly = args.has('--lists');
const billingOnly = args.has('--billing');
const reportsOnly = args.has('--reports');
const leadsOnly = args.has('--leads');

/** Every row measured on the decade book at `scale`. */
async function decadeRows(scale: number, atOneX: BenchResult[] = []): Promise<BenchResult[]> {
  if (billingOnly) return billingBenchmarks(scale, atOneX);
  if (reportsOnly) return reportBenchmarks(scale);
  if (leadsOnly) return leadBenchmarks(scale, atOneX);
  const lists = await listBenchmarks(scale, atOneX);
  if (listsOnly) return lists;
  return [...lists, ...(await screenBenchmarks(scale)), ...(await bookWriteBenchmarks(scale, atOneX)), ...(await storeBenchmarks(scale)), ...(await billingBenchmarks(scale, atOneX)), ...(await reportBenchmarks(scale)), ...(await leadBenchmarks(scale, atOneX))];
}

const results: BenchResult[] = [];
if (!listsOnly && !billingOnly && !reportsOnly && !leadsOnly) results.push(...(await invoiceCalculationBenchmarks()), ...(await invoicingBenchmarks()));
const atOneX = await decadeRows(1);
results.push(...atOneX);
if (args.has('--10x')) results.push(...(await decadeRows(10, atOneX)));
printTable(results);
