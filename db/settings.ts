import { eq } from 'drizzle-orm';
import { DEFAULT_INVOICING_SETTINGS, invoicingSettingsSchema, type InvoicingSettings } from '../shared/api/settings';
import type { DbOrTx } from './client';
import { appSettings } from './schema';

export function getInvoicingSettings(db: DbOrTx): InvoicingSettings {
  const row = db.select().from(appSettings).where(eq(appSettings.id, 1)).get();
  const parsed = invoicingSettingsSchema.safeParse({ ...DEFAULT_INVOICING_SETTINGS, ...(row?.invoicing as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_INVOICING_SETTINGS;
}

export function saveInvoicingSettings(db: DbOrTx, settings: InvoicingSettings, now: string): InvoicingSettings {
  db.insert(appSettings)
    .values({ id: 1, invoicing: settings, updatedAt: now })
    .onConflictDoUpdate({ target: appSettings.id, set: { invoicing: settings, updatedAt: now } })
    .run();
  return getInvoicingSettings(db);
}
