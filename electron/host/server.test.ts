import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseDigest, rawStatus } from '../../test/raw-http';
import { MIGRATIONS_DIR, sampleProfile, tempDir } from '../../test/temp-store';
import { MAX_BODY_BYTES, startHost, type RunningHost } from './server';

let host: RunningHost | undefined;
let dataDir = '';
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(): Promise<RunningHost> {
  dataDir = tempDir();
  const rendererDir = path.join(dataDir, 'renderer');
  fs.mkdirSync(rendererDir);
  host = await startHost({ dataDir, rendererDir, migrationsDir: MIGRATIONS_DIR });
  return host;
}

function api(h: RunningHost, name: string, body: string, token = h.token): string {
  return `POST /api/${name} HTTP/1.1\r\nhost: 127.0.0.1:${h.port}\r\nx-billable-token: ${token}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

async function stillServing(h: RunningHost): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${h.port}/api/app.status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-billable-token': h.token },
    body: '{}',
  });
  expect(response.status).toBe(200);
}

describe('browser host', () => {
  it.each(['http://[', 'http://%zz/', 'http://127.0.0.1:65536/api/app.status', 'http://127.0.0.1:99999/'])(
    'answers a bad absolute URL (%s) with a 4xx and keeps serving',
    async (target) => {
      const h = await start();
      const status = await rawStatus(h.port, `GET ${target} HTTP/1.1\r\nhost: 127.0.0.1:${h.port}\r\n\r\n`);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      await stillServing(h);
    },
  );

  it('refuses a right-length token with a non-ASCII character', async () => {
    const h = await start();
    const forged = Buffer.from(api(h, 'app.status', '{}', `${h.token.slice(0, -1)}\u00e9`), 'latin1');
    expect(await rawStatus(h.port, forged)).toBe(401);
    await stillServing(h);
  });

  it('answers a body over the limit (28 MiB: a 20 MB file as base64) with 413, declared or streamed', async () => {
    const h = await start();
    const big = `{"input":"${'x'.repeat(MAX_BODY_BYTES)}"}`;
    expect(await rawStatus(h.port, api(h, 'clients.create', big))).toBe(413);
    const chunk = big.length.toString(16);
    const chunked = `POST /api/clients.create HTTP/1.1\r\nhost: 127.0.0.1:${h.port}\r\nx-billable-token: ${h.token}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n${chunk}\r\n${big}\r\n0\r\n\r\n`;
    expect(await rawStatus(h.port, chunked)).toBe(413);
    await stillServing(h);
  });

  it('gives refused calls a 4xx status and writes nothing', async () => {
    const h = await start();
    expect(await rawStatus(h.port, api(h, 'profile.save', JSON.stringify({ input: sampleProfile })))).toBe(200);
    const before = databaseDigest(path.join(dataDir, 'billable.sqlite'));
    expect(await rawStatus(h.port, api(h, 'profile.save', '{"input":{"businessName":""}}'))).toBe(400);
    expect(await rawStatus(h.port, api(h, 'profile.removeLogo', '{"input":null}'))).toBe(400);
    expect(await rawStatus(h.port, api(h, 'no.such', '{}'))).toBe(404);
    expect(await rawStatus(h.port, api(h, 'clients.get', '{"input":{"id":999}}'))).toBe(404);
    expect(await rawStatus(h.port, api(h, 'clients.list', '{"input":'))).toBe(400);
    expect(databaseDigest(path.join(dataDir, 'billable.sqlite'))).toBe(before);
  });
});
