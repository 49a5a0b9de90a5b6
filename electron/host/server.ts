import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRouter } from '../main/api/router';
import { StoreHolder } from '../main/api/store-holder';
import { CONTENT_SECURITY_POLICY } from '../main/security/csp';
import { contentType, resolveStaticFile } from '../main/security/static-files';

export interface HostOptions {
  dataDir: string;
  rendererDir: string;
  migrationsDir: string;
  now?: () => Date;
}

export interface RunningHost {
  /** Open this in a browser: it carries the token that authorises the session. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const COOKIE = 'billable_token';

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function cookieToken(header: string | undefined): string | undefined {
  return header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === COOKIE)?.[1];
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The development and test seam: serves the built renderer and the same API router as Electron
 * main, over the real SQLite store, on 127.0.0.1 only. Every request must carry this run's token
 * (as a header for the API, or the cookie set when the tokened URL is first opened).
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = randomBytes(24).toString('hex');
  const holder = new StoreHolder({ dataDir: options.dataDir, migrationsDir: options.migrationsDir }, options.now);
  holder.open();
  const router = createRouter({ holder, ...(options.now ? { now: options.now } : {}) });
  let port = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.host !== `127.0.0.1:${port}`) return sendJson(res, 421, { error: 'wrong host' });

    if (url.pathname.startsWith('/api/')) {
      const authorised = sameToken(req.headers['x-billable-token'] as string | undefined, token);
      if (!authorised) {
        return sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token.', fieldErrors: {} } });
      }
      if (req.method !== 'POST' || !req.headers['content-type']?.startsWith('application/json')) {
        return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Use POST with JSON.', fieldErrors: {} } });
      }
      readBody(req)
        .then(async (text) => {
          let payload: { input?: unknown };
          try {
            payload = JSON.parse(text) as { input?: unknown };
          } catch {
            return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request is not valid JSON.', fieldErrors: {} } });
          }
          let name: string;
          try {
            name = decodeURIComponent(url.pathname.slice(5));
          } catch {
            name = url.pathname.slice(5);
          }
          sendJson(res, 200, await router.dispatch(name, payload?.input));
        })
        .catch(() => sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'The request is too large.', fieldErrors: {} } }));
      return;
    }

    const queryToken = url.searchParams.get('token') ?? undefined;
    if (!sameToken(queryToken, token) && !sameToken(cookieToken(req.headers.cookie), token)) {
      res.writeHead(401, { 'content-type': 'text/plain' });
      return res.end('Open the URL printed by the host; it carries the session token.');
    }
    const file = req.method === 'GET' ? resolveStaticFile(options.rendererDir, url.pathname) : null;
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('Not found');
    }
    res.writeHead(200, {
      'content-type': contentType(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    });
    fs.createReadStream(file).pipe(res);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          holder.close();
          resolve();
        });
      }),
  };
}
