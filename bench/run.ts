/**
 * npm run bench: speed targets, measured on this machine, printed as a table.
 * `npm run bench -- --lists` runs only the list rows; `--10x` adds the 10× decade book (slow to seed once).
 */
import { printTable } from './harness';
import { invoiceCalculationBenchmarks } from './invoice-calculation';
import { invoicingBenchmarks } from './invoicing';
import { listBenchmarks } from './lists';

const args = new Set(process.argv.slice(2));
const results = [];
if (!args.has('--lists')) results.push(...(await invoiceCalculationBenchmarks()), ...(await invoicingBenchmarks()));
results.push(...(await listBenchmarks(1)));
if (args.has('--10x')) results.push(...(await listBenchmarks(10)));
printTable(results);
