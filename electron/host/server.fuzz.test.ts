import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/api/call-names';
import { databaseDigest, rawStatus } from '../../test/raw-http';
import { MIGRATIONS_DIR, sampleClient, sampleProfile, tempDir } from '../../test/temp-store';
import { MAX_BODY_BYTES, startHost, type RunningHost } from './server';

/** Requests per run: 5,000 in CI; `npm run fuzz:host` sends 100,000. */
const RUNS = Number(process.env.BILLABLE_FUZZ_RUNS ?? 5000);

let host: RunningHost;
let database: string;

beforeAll(async () => {
  const dataDir = tempDir();
  const rendererDir = path.join(dataDir, 'renderer');
  fs.mkdirSync(rendererDir);
  host = await startHost({ dataDir, rendererDir, migrationsDir: MIGRATIONS_DIR });
  database = path.join(dataDir, 'billable.sqlite');
  for (const [name, input] of [['profile.save', sampleProfile], ['clients.create', sampleClient]] as const) {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-billable-token': host.token },
      body: JSON.stringify({ input }),
    });
    expect(response.status).toBe(200);
  }
});

afterAll(() => host.close());

const text = fc.string({ unit: 'binary', maxLength: 40 });

// Request parts, each malformed in its own way. Any mix of them must be refused: a valid call
// always gets an input no schema accepts, so nothing can reach the database.
const method = fc.oneof(fc.constantFrom('POST', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'HEAD'), fc.stringMatching(/^[A-Za-z]{1,10}$/), text);
const callName = fc.oneof(fc.constantFrom(...CALL_NAMES), fc.stringMatching(/^[a-z.%A-F0-9]{0,30}$/), text.map(encodeURIComponent));
const target = fc.oneof(
  { weight: 4, arbitrary: callName.map((name) => `/api/${name}`) },
  fc.constantFrom('http://[', 'http://%zz/', 'http://127.0.0.1:65536/api/app.status', 'http://127.0.0.1:99999/', '//evil/api/app.status', '*', '/', '/api/', '/../../etc/passwd', '/%00', '/index.html?token=x'),
  text,
);
const hostHeader = (port: number) => fc.oneof({ weight: 4, arbitrary: fc.constant(`127.0.0.1:${port}`) }, fc.constant(null), fc.constantFrom('localhost', `127.0.0.1:${port + 1}`, 'evil.example'), text);
const token = (real: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(real) },
    fc.constant(null),
    fc.string({ minLength: 48, maxLength: 48 }),
    fc.nat({ max: 47 }).map((i) => `${real.slice(0, i)}\u00e9${real.slice(i + 1)}`),
    fc.constant(`${real}, ${real}`),
    text,
  );
const contentType = fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, fc.constant(null), fc.constantFrom('text/plain', 'application/jsonx; charset=utf-8'), text);
const extraHeaders = fc.array(fc.tuple(fc.oneof(fc.stringMatching(/^[a-z-]{1,12}$/), text), text), { maxLength: 4 });
const neverValidInput = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 3 }));
const body = fc.oneof(
  { weight: 4, arbitrary: neverValidInput.map((input) => JSON.stringify({ input })) },
  fc.constantFrom('', '{', '{"input":', 'null', '[]', '{"input":undefined}', '\u0000'),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.json().map((json) => `${json}}`),
);
const framing = fc.oneof(
  { weight: 6, arbitrary: fc.constant('length' as const) },
  fc.constantFrom('chunked' as const, 'short-length' as const, 'bad-length' as const, 'huge-declared' as const, 'huge-sent' as const, 'header-flood' as const),
);

interface Parts {
  method: string;
  target: string;
  host: string | null;
  token: string | null;
  contentType: string | null;
  extraHeaders: [string, string][];
  body: string;
  framing: 'length' | 'chunked' | 'short-length' | 'bad-length' | 'huge-declared' | 'huge-sent' | 'header-flood';
}

/** The request's bytes; header text goes out as latin1, as a raw client would send it. */
function build(parts: Parts): Buffer {
  const headers: string[] = [];
  if (parts.host !== null) headers.push(`host: ${parts.host}`);
  if (parts.token !== null) headers.push(`x-billable-token: ${parts.token}`);
  if (parts.contentType !== null) headers.push(`content-type: ${parts.contentType}`);
  for (const [name, value] of parts.extraHeaders) headers.push(`${name}: ${value}`);
  let payload = Buffer.from(parts.body, 'utf8');
  switch (parts.framing) {
    case 'length':
      headers.push(`content-length: ${payload.length}`);
      break;
    case 'chunked':
      headers.push('transfer-encoding: chunked');
      payload = Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')]);
      break;
    case 'short-length':
      headers.push(`content-length: ${Math.max(0, payload.length - 1)}`);
      break;
    case 'bad-length':
      headers.push('content-length: -1', 'content-length: 12abc');
      break;
    case 'huge-declared':
      headers.push(`content-length: ${2 ** 40}`);
      payload = Buffer.alloc(0);
      break;
    case 'huge-sent':
      payload = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
      headers.push(`content-length: ${payload.length}`);
      break;
    case 'header-flood':
      headers.push(`x-flood: ${'a'.repeat(20_000)}`);
      break;
  }
  return Buffer.concat([Buffer.from(`${parts.method} ${parts.target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

it(`answers ${RUNS} malformed requests with a 4xx, stays up and changes nothing`, { timeout: 30 * 60_000 }, async () => {
  const before = databaseDigest(database);
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.record({ method, target, host: hostHeader(host.port), token: token(host.token), contentType, extraHeaders, body, framing }),
      async (parts) => {
        sent++;
        // Generous: on a loaded CI machine a 4 MiB body can take seconds; a hang still fails.
        const status = await rawStatus(host.port, build(parts), 30_000);
        expect(status, 'an answer before the connection closed').not.toBeNull();
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      },
    ),
    { numRuns: RUNS },
  );
  expect(sent).toBeGreaterThanOrEqual(RUNS);
  expect(databaseDigest(database)).toBe(before);
  const alive = await fetch(`http://127.0.0.1:${host.port}/api/app.status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-billable-token': host.token },
    body: '{}',
  });
  expect(await alive.json()).toMatchObject({ ok: true, value: { state: 'ready', hasProfile: true } });
});
