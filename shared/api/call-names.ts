/**
 * Every call the renderer may make. Plain data with no imports, so the sandboxed preload can
 * bundle it; `contract.ts` must declare exactly these names (the compiler and a test check it).
 */
export const CALL_NAMES = [
  'app.status',
  'app.restoreBackup',
  'app.startFresh',
  'app.retry',
  'app.chooseDataFolder',
  'backups.list',
  'backups.create',
  'profile.get',
  'profile.save',
  'profile.setLogo',
  'profile.removeLogo',
  'clients.list',
  'clients.get',
  'clients.create',
  'clients.update',
  'clients.setArchived',
  'contacts.create',
  'contacts.update',
  'contacts.delete',
  'settings.getInvoicing',
  'settings.saveInvoicing',
  'invoices.list',
  'invoices.totals',
  'invoices.get',
  'invoices.createDraft',
  'invoices.updateDraft',
  'invoices.deleteDraft',
  'invoices.issue',
  'invoices.pdf',
  'invoices.savePdf',
  'invoices.openPdf',
  'invoices.showSavedPdf',
  'creditNotes.issue',
  'creditNotes.preview',
  'payments.record',
  'payments.delete',
  'invoices.addHomeValue',
  'rates.list',
  'rates.suggest',
  'rates.save',
  'rates.delete',
  'rates.import',
  'exports.start',
  'exports.status',
  'exports.cancel',
] as const;

export type CallName = (typeof CALL_NAMES)[number];

/** IPC channel for a call; one channel per call so the preload exposes nothing generic. */
export function channelFor(name: CallName): string {
  return `billable:${name}`;
}
