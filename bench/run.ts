/** npm run bench: speed targets, measured on this machine, printed as a table. */
import { printTable } from './harness';
import { invoiceCalculationBenchmarks } from './invoice-calculation';
import { invoicingBenchmarks } from './invoicing';

const results = [...(await invoiceCalculationBenchmarks()), ...(await invoicingBenchmarks())];
printTable(results);
