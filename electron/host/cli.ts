import os from 'node:os';
import path from 'node:path';
import { startHost } from './server';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = process.env.BILLABLE_DATA_DIR || path.join(os.homedir(), '.billable-host-data');

const host = await startHost({
  dataDir,
  rendererDir: path.join(root, 'out', 'renderer'),
  migrationsDir: path.join(root, 'db', 'migrations'),
});
console.log(`Billable browser host (development only)\n  data: ${dataDir}\n  open: ${host.url}`);

const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
