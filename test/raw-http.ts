import { createHash } from 'node:crypto';
import net from 'node:net';
import Database from 'better-sqlite3';

/**
 * Sends bytes over a fresh TCP connection and resolves with the status code of the first
 * response, or null when the connection closed (or `timeoutMs` passed) without one.
 */
export function rawStatus(port: number, request: Buffer | string, timeoutMs = 5000): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const done = (status: number | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const line = /^HTTP\/1\.1 (\d{3}) /.exec(received);
      if (line) done(Number(line[1]));
    });
    // A reset after the answer arrived is fine; a reset before it means no answer.
    socket.on('error', () => done(null));
    socket.on('close', () => done(null));
    socket.write(request);
  });
}

/** A hash of every row of every table, read through its own read-only connection. */
export function databaseDigest(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare(`select name from sqlite_master where type = 'table' order by name`).all() as { name: string }[];
    for (const { name } of tables) {
      hash.update(name);
      for (const row of db.prepare(`select * from "${name}"`).raw().iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
