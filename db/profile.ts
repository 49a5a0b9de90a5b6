import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Profile, profileInput } from '../shared/api/profile';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';
import { bankAccounts, businessProfile } from './schema';

type ProfileData = z.output<typeof profileInput>;

export function getProfile(db: DbOrTx, options: { withLogo?: boolean } = {}): Profile | null {
  const row = db.select().from(businessProfile).where(eq(businessProfile.id, 1)).get();
  if (!row) return null;
  const { id: _id, logo, logoMimeType, logoSha256: _sha, createdAt: _createdAt, ...fields } = row;
  return {
    ...fields,
    logo: logo && logoMimeType && options.withLogo !== false ? { mimeType: logoMimeType, dataBase64: logo.toString('base64') } : null,
    bankAccounts: db.select().from(bankAccounts).orderBy(bankAccounts.currency).all(),
  };
}

/** The business's IANA time zone, or null when it follows the computer's (or there is no profile yet). */
export function getBusinessTimeZone(db: DbOrTx): string | null {
  return db.select({ timeZone: businessProfile.timeZone }).from(businessProfile).where(eq(businessProfile.id, 1)).get()?.timeZone ?? null;
}

/** The business's home currency, or null before the profile is set up. */
export function getHomeCurrency(db: DbOrTx): CurrencyCode | null {
  return db.select({ homeCurrency: businessProfile.homeCurrency }).from(businessProfile).where(eq(businessProfile.id, 1)).get()?.homeCurrency ?? null;
}

/** Creates or replaces the profile and its bank accounts in one transaction. */
export function saveProfile(db: DbOrTx, data: ProfileData, now: string): Profile {
  const { bankAccounts: accounts, ...fields } = data;
  db.transaction((tx) => {
    tx.insert(businessProfile)
      .values({ id: 1, ...fields, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: businessProfile.id, set: { ...fields, updatedAt: now } })
      .run();
    tx.delete(bankAccounts).run();
    if (accounts.length > 0) tx.insert(bankAccounts).values(accounts).run();
  });
  return getProfile(db)!;
}

export function setLogo(db: DbOrTx, mimeType: string, bytes: Buffer | null, now: string): Profile | null {
  db.update(businessProfile)
    .set({
      logo: bytes,
      logoMimeType: bytes ? mimeType : null,
      logoSha256: bytes ? createHash('sha256').update(bytes).digest('hex') : null,
      updatedAt: now,
    })
    .where(eq(businessProfile.id, 1))
    .run();
  return getProfile(db);
}

/** The current logo by reference only: what an issued document records. */
export function currentLogoRef(db: DbOrTx): { mimeType: string; sha256: string } | null {
  const row = db.select({ mimeType: businessProfile.logoMimeType, sha256: businessProfile.logoSha256 }).from(businessProfile).where(eq(businessProfile.id, 1)).get();
  if (!row?.mimeType) return null;
  if (row.sha256) return { mimeType: row.mimeType, sha256: row.sha256 };
  // A logo saved before its hash was kept: hash it once now.
  const bytes = currentLogoBytes(db);
  if (!bytes) return null;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  db.update(businessProfile).set({ logoSha256: sha256 }).where(eq(businessProfile.id, 1)).run();
  return { mimeType: row.mimeType, sha256 };
}

export function currentLogoBytes(db: DbOrTx): Buffer | null {
  return db.select({ logo: businessProfile.logo }).from(businessProfile).where(eq(businessProfile.id, 1)).get()?.logo ?? null;
}
