import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api/contract';
import { contractTerms, MIGRATIONS_DIR, sampleProfile, tempDir, testApi } from '../temp-store';

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, '.tmp', 'timer-crash', `worker-${process.pid}.mjs`);
afterAll(() => fs.rmSync(bundle, { force: true }));

/** A book with a signed contract, closed again so a child process can open it. */
async function bookWithContract(dataDir: string): Promise<number> {
  const api = testApi(dataDir);
  await api.call('profile.save', sampleProfile);
  const client = await api.call('clients.create', { name: 'Initrode Inc', country: 'US', currency: 'USD', customerType: 'business', timezone: 'America/New_York' } satisfies CallInput<'clients.create'>);
  const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2026-01-01', isDefault: true });
  const contract = await api.call('contracts.create', contractTerms(client.id, card.id));
  await api.call('contracts.sign', { id: contract.id });
  api.holder.close();
  return contract.id;
}

it('a timer survives the app being killed: the reopened book has it running from the same start, and asks about it', async () => {
  const dataDir = tempDir();
  const [contractId] = await Promise.all([
    bookWithContract(dataDir),
    build({
      entryPoints: [path.join(import.meta.dirname, 'timer-worker.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      external: ['better-sqlite3', 'pdfkit', 'fontkit'],
      banner: { js: `import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);` },
      logLevel: 'warning',
    }),
  ]);
  const child = spawn(process.execPath, [bundle, dataDir, MIGRATIONS_DIR, String(contractId)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = await new Promise<{ id: number; startedAt: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as { id: number; startedAt: string });
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before starting the timer`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;

  const reopened = testApi(dataDir, () => new Date(Date.parse(started.startedAt) + 60_000));
  const timer = await reopened.call('timer.current');
  expect(timer.running).toMatchObject({ id: started.id, contractId, startedAt: started.startedAt, note: 'Before the crash' });
  expect(timer.forgotten).toBe('restart');
}, 15_000);
