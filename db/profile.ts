import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Profile, profileInput } from '../shared/api/profile';
import type { DbOrTx } from './client';
import { bankAccounts, businessProfile } from './schema';

type ProfileData = z.output<typeof profileInput>;

export function getProfile(db: DbOrTx): Profile | null {
  const row = db.select().from(businessProfile).where(eq(businessProfile.id, 1)).get();
  if (!row) return null;
  const { id: _id, logo, logoMimeType, createdAt: _createdAt, ...fields } = row;
  return {
    ...fields,
    logo: logo && logoMimeType ? { mimeType: logoMimeType, dataBase64: logo.toString('base64') } : null,
    bankAccounts: db.select().from(bankAccounts).orderBy(bankAccounts.currency).all(),
  };
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
    .set({ logo: bytes, logoMimeType: bytes ? mimeType : null, updatedAt: now })
    .where(eq(businessProfile.id, 1))
    .run();
  return getProfile(db);
}
