import { eq } from 'drizzle-orm';
import { DEFAULT_INVOICING_SETTINGS, invoicingSettingsSchema, type InvoicingSettings } from '../shared/api/settings';
import { DEFAULT_VAT_RETURN_SETTINGS, vatReturnSettingsSchema, type VatReturnSettings } from '../shared/api/vat-return';
import { DEFAULT_LEAD_SETTINGS, leadSettingsSchema, type LeadSettings } from '../shared/api/leads';
import { DEFAULT_TIME_SETTINGS, timeSettingsSchema, type TimeSettings } from '../shared/api/time';
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

/** The time-tracking settings (app_settings.time JSON), the defaults filling anything not saved. */
export function getTimeSettings(db: DbOrTx): TimeSettings {
  const row = db.select({ time: appSettings.time }).from(appSettings).where(eq(appSettings.id, 1)).get();
  const parsed = timeSettingsSchema.safeParse({ ...DEFAULT_TIME_SETTINGS, ...(row?.time as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_TIME_SETTINGS;
}

/** Saves the time-tracking settings, leaving the invoicing ones as they are. Returns them as read back. */
export function saveTimeSettings(db: DbOrTx, settings: TimeSettings, now: string): TimeSettings {
  db.insert(appSettings)
    .values({ id: 1, invoicing: DEFAULT_INVOICING_SETTINGS, time: settings, updatedAt: now })
    .onConflictDoUpdate({ target: appSettings.id, set: { time: settings, updatedAt: now } })
    .run();
  return getTimeSettings(db);
}

/** The UK VAT return settings (app_settings.vat_return JSON), the defaults filling anything not saved. */
export function getVatReturnSettings(db: DbOrTx): VatReturnSettings {
  const row = db.select({ vatReturn: appSettings.vatReturn }).from(appSettings).where(eq(appSettings.id, 1)).get();
  const parsed = vatReturnSettingsSchema.safeParse({ ...DEFAULT_VAT_RETURN_SETTINGS, ...(row?.vatReturn as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_VAT_RETURN_SETTINGS;
}

/** Saves the VAT return settings, leaving the others as they are. Returns them as read back. */
export function saveVatReturnSettings(db: DbOrTx, settings: VatReturnSettings, now: string): VatReturnSettings {
  db.insert(appSettings)
    .values({ id: 1, invoicing: DEFAULT_INVOICING_SETTINGS, vatReturn: settings, updatedAt: now })
    .onConflictDoUpdate({ target: appSettings.id, set: { vatReturn: settings, updatedAt: now } })
    .run();
  return getVatReturnSettings(db);
}

/** The lead settings (app_settings.leads JSON), the defaults filling anything not saved. */
export function getLeadSettings(db: DbOrTx): LeadSettings {
  const row = db.select({ leads: appSettings.leads }).from(appSettings).where(eq(appSettings.id, 1)).get();
  const parsed = leadSettingsSchema.safeParse({ ...DEFAULT_LEAD_SETTINGS, ...(row?.leads as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_LEAD_SETTINGS;
}

/** Saves the lead settings, leaving the others as they are. Returns them as read back. */
export function saveLeadSettings(db: DbOrTx, settings: LeadSettings, now: string): LeadSettings {
  db.insert(appSettings)
    .values({ id: 1, invoicing: DEFAULT_INVOICING_SETTINGS, leads: settings, updatedAt: now })
    .onConflictDoUpdate({ target: appSettings.id, set: { leads: settings, updatedAt: now } })
    .run();
  return getLeadSettings(db);
}
