import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode } from '../../shared/api/errors';
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

/** A request body's limit: a 20 MB receipt or countersigned PDF travels as base64 in JSON (4/3 of its size), with room for the other fields. */
export const MAX_BODY_BYTES = 28 * 1024 * 1024;
const COOKIE = 'billable_token';

/** HTTP status for each error envelope, so a refused call is never a 200. */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_CALL: 404,
  CONFLICT: 409,
  STORE_BUSY: 423,
  STORE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Compares bytes, not characters: a right-length token with a non-ASCII character is just wrong. */
function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | undefined {
  return header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === COOKIE)?.[1];
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message, fieldErrors: {} } });
}

type Body = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads the body up to the cap. Past the cap it keeps draining without buffering, so the client
 * finishes sending and can read the 413 rather than being reset mid-upload.
 */
function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      return resolve({ kind: 'too-large' });
    }
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? { kind: 'too-large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => resolve({ kind: 'aborted' }));
  });
}

/** The request target as a URL, or null when it is not an origin-form path ("/api/…"). */
function requestUrl(target: string | undefined): URL | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://127.0.0.1');
  } catch {
    return null;
  }
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
  holder.startBackupTimer();
  const router = createRouter({ holder, ...(options.now ? { now: options.now } : {}) });
  let port = 0;

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const given = req.headers['x-billable-token'];
    if (!sameToken(typeof given === 'string' ? given : undefined, token)) return refuse(res, 401, 'FORBIDDEN', 'Missing or wrong token.');
    if (req.method !== 'POST' || !req.headers['content-type']?.startsWith('application/json')) {
      return refuse(res, 405, 'FORBIDDEN', 'Use POST with JSON.');
    }
    const body = await readBody(req);
    if (body.kind === 'too-large') return refuse(res, 413, 'VALIDATION', 'The request is too large.');
    if (body.kind === 'aborted') return refuse(res, 400, 'VALIDATION', 'The request was cut short.');
    let payload: { input?: unknown } | null;
    try {
      payload = JSON.parse(body.text) as { input?: unknown } | null;
    } catch {
      return refuse(res, 400, 'VALIDATION', 'The request is not valid JSON.');
    }
    // The body is always an object, {"input": …}: null, an array or a bare value is not a call.
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return refuse(res, 400, 'VALIDATION', 'Send a JSON object: {"input": …}.');
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(5));
    } catch {
      name = url.pathname.slice(5);
    }
    const result = await router.dispatch(name, payload?.input);
    sendJson(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (!sameToken(queryToken, token) && !sameToken(cookieToken(req.headers.cookie), token)) {
      res.writeHead(401, { 'content-type': 'text/plain' });
      return void res.end('Open the URL printed by the host; it carries the session token.');
    }
    const file = req.method === 'GET' ? resolveStaticFile(options.rendererDir, url.pathname) : null;
    if (!file || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('Not found');
    }
    res.writeHead(200, {
      'content-type': contentType(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    });
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  // The Host check comes before the target is parsed, and nothing in a request can throw out of
  // this handler: a bad request gets a 4xx and the host keeps serving.
  const server = http.createServer((req, res) => {
    const fail = (error: unknown) => {
      console.error('browser host: request failed', error);
      refuse(res, 500, 'INTERNAL', 'Something went wrong.');
    };
    try {
      if (req.headers.host !== `127.0.0.1:${port}`) return refuse(res, 421, 'FORBIDDEN', 'Wrong host.');
      const url = requestUrl(req.url);
      if (!url) return refuse(res, 400, 'VALIDATION', 'The request target must be a path on this host.');
      if (url.pathname.startsWith('/api/')) return void handleApi(req, res, url).catch(fail);
      handleStatic(req, res, url);
    } catch (error) {
      fail(error);
    }
  });
  // Node's own parser errors (bad request line, header overflow): answer, then close gently so
  // the client can read the status before the socket goes.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    setTimeout(() => socket.destroy(), 1000).unref();
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
