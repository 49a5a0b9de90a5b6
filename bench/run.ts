/** npm run bench: speed targets, measured on this machine, printed as a table. */
import { printTable } from './harness';
import { invoiceCalculationBenchmarks } from './invoice-calculation';

const results = [...(await invoiceCalculationBenchmarks())];
printTable(results);
