import { eq } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { logos } from './schema';

export function hasLogo(db: DbOrTx, sha256: string): boolean {
  return db.select({ sha256: logos.sha256 }).from(logos).where(eq(logos.sha256, sha256)).get() !== undefined;
}

/** Keeps a logo an issued document prints; the same bytes are stored once. */
export function keepLogo(db: DbOrTx, sha256: string, mimeType: string, data: Buffer, now: string): void {
  db.insert(logos).values({ sha256, mimeType, data, createdAt: now }).onConflictDoNothing().run();
}

export function logoBySha(db: DbOrTx, sha256: string): { mimeType: string; data: Buffer } | undefined {
  return db.select({ mimeType: logos.mimeType, data: logos.data }).from(logos).where(eq(logos.sha256, sha256)).get();
}
