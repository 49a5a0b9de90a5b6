import { z } from 'zod';
import './messages';
import { appStatusSchema, backupEntrySchema, backupResultSchema, notifyInput, notifyOutput, restoreBackupInput } from './app';
import { bookExportOutput, bookImportInput } from './book';
import type { CallName } from './call-names';
import {
  clientInput,
  clientListQuery,
  clientSchema,
  clientSummarySchema,
  clientUpdateInput,
  contactInput,
  contactSchema,
  contactUpdateInput,
} from './clients';
import { id } from './fields';
import {
  creditNoteInput,
  creditNotePreviewInput,
  creditNotePreviewOutput,
  draftInput,
  draftUpdateInput,
  exportInput,
  exportJobSchema,
  fxInput,
  invoiceFilter,
  invoiceListQuery,
  invoiceListRowSchema,
  invoiceSchema,
  invoiceTotalsSchema,
  issueInput,
  paymentInput,
  pdfOutput,
  saveOutput,
} from './invoices';
import { logoInput, profileInput, profileSchema } from './profile';
import { rateImportInput, rateImportOutput, rateInput, rateListOutput, rateListQuery, rateSchema, rateSuggestQuery, rateSuggestion } from './rates';
import { invoicingSettingsInput, invoicingSettingsSchema } from './settings';
import { amendInput, contractInput, contractListQuery, contractSchema, contractStatusInput, contractSummarySchema, contractUpdateInput, countersignedInput, documentRef, ratePreviewInput, ratePreviewSchema, versionRef } from './contracts';
import { billingRunInput, billingRunOutput, dueInvoiceSchema, dueQuery, workInProgressSchema } from './billing';
import { setCellInput, timeEntryInput, timeEntryUpdateInput, timeEntrySchema, timeFilter, timeListQuery, timeListRowSchema, timerKeepInput, timerSchema, timerStartInput, timerStopInput, timeSettingsSchema, timeTotalsSchema, weekQuery, weekSchema } from './time';
import { expenseFilter, expenseInput, expenseListQuery, expenseListRowSchema, expenseRateQuery, expenseRateSuggestion, expenseSchema, expenseTotalsSchema, expenseUpdateInput, receiptOutput } from './expenses';
import { dashboardQuery, dashboardSchema, profitSummarySchema } from './dashboard';
import { accountantExportOutput } from './reports';
import { todaySchema } from './today';
import { csvImportInput, csvImportResultSchema, csvPreviewInput, csvPreviewSchema, emlInput, leadCsvSchema } from './lead-import';
import { clientMatchSchema, proposalAcceptInput, proposalInput, proposalListQuery, proposalMatchesInput, proposalSchema, proposalUpdateInput } from './proposals';
import { activityInput, activitySchema, leadBoardSchema, leadDetailSchema, leadInput, leadListQuery, leadSettingsSchema, leadStageInput, leadUpdateInput } from './leads';
import { searchQuery, searchResultsSchema } from './search';
import { vatExportInput, vatExportOutput, vatFinaliseInput, vatPeriodQuery, vatPeriodSchema, vatReturnSchema, vatReturnSettingsSchema, vatSourcesPage, vatSourcesQuery } from './vat-return';
import { vatSummaryExportInput, vatSummaryQuery, vatSummarySchema } from './vat-summary';
import { bookCallInput, holdCallInput, icsOutput, introCallSchema, leadCallsSchema, proposedSlotsSchema, rescheduleCallInput, slotPreviewSchema } from './intro-calls';
import { discountRuleInput, discountRuleSchema, rateCardInput, rateCardPriceInput, rateCardSchema, rateCardUpdateInput } from './rate-cards';

/** Query families a mutation makes stale, so the renderer knows what to refetch. */
export type Family = 'app' | 'profile' | 'clients' | 'settings' | 'invoices' | 'rates' | 'exports' | 'rateCards' | 'contracts' | 'billing' | 'time' | 'expenses' | 'vatReturns' | 'reports' | 'leads';

export interface CallDef {
  input: z.ZodType;
  output: z.ZodType;
  family: Family;
  invalidates?: readonly Family[];
}

const none = z.undefined();
const byId = z.object({ id });

/** The API: every call declared once, with its input and output schemas. */
export const contract = {
  'app.status': { input: none, output: appStatusSchema, family: 'app' },
  'app.restoreBackup': { input: restoreBackupInput, output: appStatusSchema, family: 'app', invalidates: ['app', 'profile', 'clients', 'invoices', 'rates', 'settings', 'rateCards', 'contracts', 'billing', 'time', 'expenses', 'vatReturns', 'reports', 'leads'] },
  'app.startFresh': { input: none, output: appStatusSchema, family: 'app', invalidates: ['app', 'profile', 'clients'] },
  'app.retry': { input: none, output: appStatusSchema, family: 'app', invalidates: ['app', 'profile', 'clients'] },
  'app.chooseDataFolder': { input: none, output: appStatusSchema, family: 'app', invalidates: ['app', 'profile', 'clients'] },
  'backups.list': { input: none, output: z.array(backupEntrySchema), family: 'app' },
  'backups.create': { input: none, output: backupResultSchema, family: 'app', invalidates: ['app'] },
  'book.export': { input: none, output: bookExportOutput, family: 'app' },
  'book.import': { input: bookImportInput, output: appStatusSchema, family: 'app', invalidates: ['app', 'profile', 'clients', 'invoices', 'rates', 'settings', 'rateCards', 'contracts', 'billing', 'time', 'expenses', 'vatReturns', 'reports', 'leads'] },

  'profile.get': { input: none, output: profileSchema.nullable(), family: 'profile' },
  'profile.save': { input: profileInput, output: profileSchema, family: 'profile', invalidates: ['profile', 'app', 'vatReturns', 'reports'] },
  'profile.setLogo': { input: logoInput, output: profileSchema, family: 'profile', invalidates: ['profile'] },
  'profile.removeLogo': { input: none, output: profileSchema, family: 'profile', invalidates: ['profile'] },

  'clients.list': { input: clientListQuery, output: z.array(clientSummarySchema), family: 'clients' },
  'clients.get': { input: byId, output: clientSchema, family: 'clients' },
  'clients.create': { input: clientInput, output: clientSchema, family: 'clients', invalidates: ['clients'] },
  'clients.update': { input: clientUpdateInput, output: clientSchema, family: 'clients', invalidates: ['clients'] },
  'clients.setArchived': {
    input: z.object({ id, archived: z.boolean() }),
    output: clientSchema,
    family: 'clients',
    invalidates: ['clients'],
  },

  'contacts.create': { input: contactInput, output: contactSchema, family: 'clients', invalidates: ['clients'] },
  'contacts.update': { input: contactUpdateInput, output: contactSchema, family: 'clients', invalidates: ['clients'] },
  'contacts.delete': { input: byId, output: z.object({ id }), family: 'clients', invalidates: ['clients'] },

  'settings.getInvoicing': { input: none, output: invoicingSettingsSchema, family: 'settings' },
  'settings.saveInvoicing': { input: invoicingSettingsInput, output: invoicingSettingsSchema, family: 'settings', invalidates: ['settings'] },

  'invoices.list': { input: invoiceListQuery, output: z.array(invoiceListRowSchema), family: 'invoices' },
  'invoices.totals': { input: invoiceFilter, output: invoiceTotalsSchema, family: 'invoices' },
  'invoices.get': { input: byId, output: invoiceSchema, family: 'invoices' },
  'invoices.createDraft': { input: draftInput, output: invoiceSchema, family: 'invoices', invalidates: ['invoices', 'reports'] },
  'invoices.updateDraft': { input: draftUpdateInput, output: invoiceSchema, family: 'invoices', invalidates: ['invoices', 'billing', 'time', 'expenses', 'reports'] },
  'invoices.deleteDraft': { input: byId, output: z.object({ id }), family: 'invoices', invalidates: ['invoices', 'billing', 'time', 'expenses', 'reports'] },
  /** A new draft from an invoice: same client, currency and lines, dated today; never a credit note (electron/main/invoicing/duplicate.ts). */
  'invoices.duplicate': { input: byId, output: invoiceSchema, family: 'invoices', invalidates: ['invoices', 'reports'] },
  'invoices.issue': { input: issueInput, output: invoiceSchema, family: 'invoices', invalidates: ['invoices', 'time', 'expenses', 'vatReturns', 'reports', 'leads'] },
  'invoices.nextNumber': { input: byId, output: z.object({ number: z.string() }), family: 'invoices' },
  'invoices.pdf': { input: byId, output: pdfOutput, family: 'invoices' },
  'invoices.savePdf': { input: byId, output: saveOutput, family: 'invoices' },
  'invoices.openPdf': { input: byId, output: saveOutput, family: 'invoices' },
  'invoices.showSavedPdf': { input: byId, output: z.object({ shown: z.boolean() }), family: 'invoices' },
  'creditNotes.issue': { input: creditNoteInput, output: invoiceSchema, family: 'invoices', invalidates: ['invoices', 'vatReturns', 'reports'] },
  'creditNotes.preview': { input: creditNotePreviewInput, output: creditNotePreviewOutput, family: 'invoices' },
  'payments.record': { input: paymentInput, output: invoiceSchema, family: 'invoices', invalidates: ['invoices', 'vatReturns', 'reports'] },
  'payments.delete': { input: byId, output: invoiceSchema, family: 'invoices', invalidates: ['invoices', 'vatReturns', 'reports'] },
  'invoices.addHomeValue': { input: z.object({ id, fx: fxInput }), output: invoiceSchema, family: 'invoices', invalidates: ['invoices', 'vatReturns', 'reports'] },
  'rates.list': { input: rateListQuery, output: rateListOutput, family: 'rates' },
  'rates.suggest': { input: rateSuggestQuery, output: rateSuggestion, family: 'rates' },
  'rates.save': { input: rateInput, output: rateSchema, family: 'rates', invalidates: ['rates', 'vatReturns', 'reports'] },
  'rates.delete': { input: byId, output: z.object({ id }), family: 'rates', invalidates: ['rates', 'vatReturns', 'reports'] },
  'rates.import': { input: rateImportInput, output: rateImportOutput, family: 'rates', invalidates: ['rates', 'vatReturns', 'reports'] },

  'exports.start': { input: exportInput, output: exportJobSchema, family: 'exports' },
  'exports.status': { input: z.object({ jobId: z.string().max(64) }), output: exportJobSchema, family: 'exports' },
  'exports.cancel': { input: z.object({ jobId: z.string().max(64) }), output: exportJobSchema, family: 'exports' },

  'rateCards.list': { input: none, output: z.array(rateCardSchema), family: 'rateCards' },
  'rateCards.create': { input: rateCardInput, output: rateCardSchema, family: 'rateCards', invalidates: ['rateCards'] },
  'rateCards.update': { input: rateCardUpdateInput, output: rateCardSchema, family: 'rateCards', invalidates: ['rateCards'] },
  'rateCards.addPrice': { input: rateCardPriceInput, output: rateCardSchema, family: 'rateCards', invalidates: ['rateCards'] },
  'rateCards.removePrice': { input: byId, output: rateCardSchema, family: 'rateCards', invalidates: ['rateCards'] },
  'discounts.list': { input: none, output: z.array(discountRuleSchema), family: 'rateCards' },
  'discounts.save': { input: discountRuleInput, output: discountRuleSchema, family: 'rateCards', invalidates: ['rateCards'] },
  'discounts.setArchived': { input: z.object({ id, archived: z.boolean() }), output: discountRuleSchema, family: 'rateCards', invalidates: ['rateCards'] },

  'contracts.list': { input: contractListQuery, output: z.array(contractSummarySchema), family: 'contracts' },
  'contracts.get': { input: byId, output: contractSchema, family: 'contracts' },
  'contracts.create': { input: contractInput, output: contractSchema, family: 'contracts', invalidates: ['contracts', 'rateCards'] },
  'contracts.updateDraft': { input: contractUpdateInput, output: contractSchema, family: 'contracts', invalidates: ['contracts', 'rateCards'] },
  'contracts.previewRate': { input: ratePreviewInput, output: ratePreviewSchema, family: 'contracts' },
  'contracts.setStatus': { input: contractStatusInput, output: contractSchema, family: 'contracts', invalidates: ['contracts'] },
  'contracts.sign': { input: byId, output: contractSchema, family: 'contracts', invalidates: ['contracts'] },
  'contracts.amend': { input: amendInput, output: contractSchema, family: 'contracts', invalidates: ['contracts', 'rateCards'] },
  'contracts.discardDraft': { input: byId, output: contractSchema.nullable(), family: 'contracts', invalidates: ['contracts', 'rateCards'] },
  'contracts.setTimesheetAppendix': { input: z.object({ id, on: z.boolean() }), output: contractSchema, family: 'contracts', invalidates: ['contracts', 'billing'] },
  'contracts.pdf': { input: versionRef, output: pdfOutput, family: 'contracts' },
  'contracts.savePdf': { input: versionRef, output: saveOutput, family: 'contracts' },
  'contracts.attachCountersigned': { input: countersignedInput, output: contractSchema, family: 'contracts', invalidates: ['contracts'] },
  'contracts.saveCountersigned': { input: documentRef, output: saveOutput, family: 'contracts' },

  'billing.due': { input: dueQuery, output: z.array(dueInvoiceSchema), family: 'billing' },
  'billing.upcoming': { input: none, output: z.array(dueInvoiceSchema), family: 'billing' },
  'billing.workInProgress': { input: none, output: workInProgressSchema, family: 'billing' },
  'billing.run': { input: billingRunInput, output: billingRunOutput, family: 'billing', invalidates: ['billing', 'invoices', 'contracts', 'time', 'expenses'] },
  'time.list': { input: timeListQuery, output: z.array(timeListRowSchema), family: 'time' },
  'time.totals': { input: timeFilter, output: timeTotalsSchema, family: 'time' },
  'time.week': { input: weekQuery, output: weekSchema, family: 'time' },
  'time.create': { input: timeEntryInput, output: timeEntrySchema, family: 'time', invalidates: ['time', 'billing', 'reports'] },
  'time.update': { input: timeEntryUpdateInput, output: timeEntrySchema, family: 'time', invalidates: ['time', 'billing', 'reports'] },
  'time.delete': { input: byId, output: z.object({ id }), family: 'time', invalidates: ['time', 'billing', 'reports'] },
  'time.setCell': { input: setCellInput, output: weekSchema, family: 'time', invalidates: ['time', 'billing', 'reports'] },
  'time.getSettings': { input: none, output: timeSettingsSchema, family: 'time' },
  'time.saveSettings': { input: timeSettingsSchema, output: timeSettingsSchema, family: 'time', invalidates: ['time', 'billing', 'reports'] },
  'timer.current': { input: none, output: timerSchema, family: 'time' },
  'timer.start': { input: timerStartInput, output: timerSchema, family: 'time', invalidates: ['time', 'billing', 'reports'] },
  'timer.stop': { input: timerStopInput, output: timerSchema, family: 'time', invalidates: ['time', 'billing', 'reports'] },
  'timer.discard': { input: none, output: timerSchema, family: 'time', invalidates: ['time', 'billing', 'reports'] },
  'timer.keep': { input: timerKeepInput, output: timerSchema, family: 'time', invalidates: ['time', 'billing', 'reports'] },
  'expenses.list': { input: expenseListQuery, output: z.array(expenseListRowSchema), family: 'expenses' },
  'expenses.totals': { input: expenseFilter, output: expenseTotalsSchema, family: 'expenses' },
  'expenses.get': { input: byId, output: expenseSchema, family: 'expenses' },
  'expenses.create': { input: expenseInput, output: expenseSchema, family: 'expenses', invalidates: ['expenses', 'billing', 'vatReturns', 'reports'] },
  'expenses.update': { input: expenseUpdateInput, output: expenseSchema, family: 'expenses', invalidates: ['expenses', 'billing', 'vatReturns', 'reports'] },
  'expenses.delete': { input: byId, output: z.object({ id }), family: 'expenses', invalidates: ['expenses', 'billing', 'vatReturns', 'reports'] },
  'expenses.receipt': { input: byId, output: receiptOutput, family: 'expenses' },
  'expenses.suggestRate': { input: expenseRateQuery, output: expenseRateSuggestion, family: 'expenses' },

  'vatReturns.getSettings': { input: none, output: vatReturnSettingsSchema, family: 'vatReturns' },
  'vatReturns.saveSettings': { input: vatReturnSettingsSchema, output: vatReturnSettingsSchema, family: 'vatReturns', invalidates: ['vatReturns'] },
  'vatReturns.periods': { input: none, output: z.array(vatPeriodSchema), family: 'vatReturns' },
  'vatReturns.get': { input: vatPeriodQuery, output: vatReturnSchema, family: 'vatReturns' },
  'vatReturns.sources': { input: vatSourcesQuery, output: vatSourcesPage, family: 'vatReturns' },
  'vatReturns.finalise': { input: vatFinaliseInput, output: vatReturnSchema, family: 'vatReturns', invalidates: ['vatReturns'] },
  'vatReturns.export': { input: vatExportInput, output: vatExportOutput, family: 'vatReturns' },
  'vatReturns.summary': { input: vatSummaryQuery, output: vatSummarySchema, family: 'vatReturns' },
  'vatReturns.exportSummary': { input: vatSummaryExportInput, output: vatExportOutput, family: 'vatReturns' },

  'reports.accountantExport': { input: exportInput, output: accountantExportOutput, family: 'exports' },
  'reports.dashboard': { input: dashboardQuery, output: dashboardSchema, family: 'reports' },
  'reports.profit': { input: exportInput, output: profitSummarySchema, family: 'reports' },

  'today.agenda': { input: none, output: todaySchema, family: 'reports' },

  'leads.list': { input: leadListQuery, output: leadBoardSchema, family: 'leads' },
  'leads.get': { input: byId, output: leadDetailSchema, family: 'leads' },
  'leads.create': { input: leadInput, output: leadDetailSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'leads.update': { input: leadUpdateInput, output: leadDetailSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'leads.setStage': { input: leadStageInput, output: leadDetailSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'leads.logActivity': { input: activityInput, output: leadDetailSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'leads.delete': { input: byId, output: z.object({ id }), family: 'leads', invalidates: ['leads', 'reports'] },
  'leads.settings': { input: none, output: leadSettingsSchema, family: 'leads' },
  'leads.saveSettings': { input: leadSettingsSchema, output: leadSettingsSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'leadImport.previewCsv': { input: csvPreviewInput, output: csvPreviewSchema, family: 'leads' },
  'leadImport.importCsv': { input: csvImportInput, output: csvImportResultSchema, family: 'leads', invalidates: ['leads', 'clients', 'reports'] },
  'leadImport.exportCsv': { input: leadListQuery, output: leadCsvSchema, family: 'leads' },
  'leadImport.fromEml': { input: emlInput, output: leadDetailSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'introCalls.forLead': { input: z.object({ leadId: id }), output: leadCallsSchema, family: 'leads' },
  'introCalls.preview': { input: bookCallInput, output: slotPreviewSchema, family: 'leads' },
  'introCalls.book': { input: bookCallInput, output: introCallSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'introCalls.reschedule': { input: rescheduleCallInput, output: introCallSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'introCalls.cancel': { input: byId, output: introCallSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'introCalls.markHeld': { input: holdCallInput, output: introCallSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'introCalls.ics': { input: byId, output: icsOutput, family: 'leads' },
  'introCalls.proposeSlots': { input: z.object({ leadId: id }), output: proposedSlotsSchema, family: 'leads' },
  'app.notify': { input: notifyInput, output: notifyOutput, family: 'app' },

  'proposals.list': { input: proposalListQuery, output: z.array(proposalSchema), family: 'leads' },
  'proposals.create': { input: proposalInput, output: proposalSchema, family: 'leads', invalidates: ['leads'] },
  'proposals.update': { input: proposalUpdateInput, output: proposalSchema, family: 'leads', invalidates: ['leads'] },
  'proposals.markSent': { input: byId, output: proposalSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'proposals.decline': { input: byId, output: proposalSchema, family: 'leads', invalidates: ['leads', 'reports'] },
  'proposals.matches': { input: proposalMatchesInput, output: z.array(clientMatchSchema), family: 'leads' },
  'proposals.accept': { input: proposalAcceptInput, output: proposalSchema, family: 'leads', invalidates: ['leads', 'clients', 'contracts', 'reports'] },
  'proposals.pdf': { input: byId, output: pdfOutput, family: 'leads' },
  'proposals.savePdf': { input: byId, output: saveOutput, family: 'leads' },
  'clients.timeline': { input: byId, output: z.array(activitySchema), family: 'leads' },
  'clients.logActivity': { input: activityInput, output: z.array(activitySchema), family: 'leads', invalidates: ['leads'] },
  'search.query': { input: searchQuery, output: searchResultsSchema, family: 'leads' },
} as const satisfies Record<CallName, CallDef>;

export type Contract = typeof contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;
