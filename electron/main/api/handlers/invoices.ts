import { getInvoiceRow, deleteDraft, insertDraft, listInvoices, updateDraft } from '../../../../db/invoices';
import { listRates } from '../../../../db/exchange-rates';
import { deletePayment } from '../../../../db/payments';
import { getInvoicingSettings, saveInvoicingSettings } from '../../../../db/settings';
import { getProfile } from '../../../../db/profile';
import { issueCreditNote } from '../../invoicing/credit-notes';
import { invoiceDetail, invoiceSummaries } from '../../invoicing/detail';
import { issuedPdf } from '../../invoicing/documents';
import { loadContext } from '../../invoicing/context';
import { evaluate } from '../../../../shared/invoice/evaluate';
import { ISSUED_MESSAGE, issueInvoice } from '../../invoicing/issue';
import { recordPayment } from '../../invoicing/payments';
import { AppError, found, profileMissing } from '../../errors';
import type { HandlerContext, Handlers } from '../handler';
import type { DraftData } from '../../../../db/invoices';

function editableDraft(ctx: HandlerContext, id: number) {
  const row = found(getInvoiceRow(ctx.db(), id), 'This invoice');
  if (row.status === 'issued') throw new AppError('CONFLICT', ISSUED_MESSAGE);
  return row;
}

function evaluateDraft(ctx: HandlerContext, data: DraftData) {
  const { profile, client, settings } = loadContext(ctx.db(), data.clientId);
  const { calculation, dueDate } = evaluate(profile, client, settings, data);
  const { net, vat, gross, payable } = calculation.totals;
  return { dueDate, totals: { net, vat, gross, payable } };
}

export const invoiceHandlers: Handlers<
  | 'settings.getInvoicing'
  | 'settings.saveInvoicing'
  | 'invoices.list'
  | 'invoices.get'
  | 'invoices.createDraft'
  | 'invoices.updateDraft'
  | 'invoices.deleteDraft'
  | 'invoices.issue'
  | 'invoices.pdf'
  | 'invoices.savePdf'
  | 'invoices.openPdf'
  | 'invoices.showSavedPdf'
  | 'creditNotes.issue'
  | 'payments.record'
  | 'payments.delete'
  | 'rates.list'
  | 'exports.start'
  | 'exports.status'
  | 'exports.cancel'
> = {
  'settings.getInvoicing': (ctx) => getInvoicingSettings(ctx.db()),
  'settings.saveInvoicing': (ctx, input) => saveInvoicingSettings(ctx.db(), input, ctx.now),

  'invoices.list': (ctx, query) => invoiceSummaries(ctx.db(), query, ctx.today),
  'invoices.get': (ctx, { id }) => invoiceDetail(ctx.db(), id, ctx.today),
  'invoices.createDraft': (ctx, input) => {
    const { dueDate, totals } = evaluateDraft(ctx, input);
    return invoiceDetail(ctx.db(), insertDraft(ctx.db(), input, dueDate, totals, ctx.now), ctx.today);
  },
  'invoices.updateDraft': (ctx, { id, ...data }) => {
    editableDraft(ctx, id);
    const { dueDate, totals } = evaluateDraft(ctx, data);
    updateDraft(ctx.db(), id, data, dueDate, totals, ctx.now);
    return invoiceDetail(ctx.db(), id, ctx.today);
  },
  'invoices.deleteDraft': (ctx, { id }) => {
    const row = found(getInvoiceRow(ctx.db(), id), 'This invoice');
    if (row.status === 'issued') throw new AppError('CONFLICT', `${row.number} is issued and can't be deleted. Create a credit note instead.`);
    deleteDraft(ctx.db(), id);
    return { id };
  },
  'invoices.issue': async (ctx, { id, fx }) => {
    issueInvoice(ctx.db(), id, fx, ctx.now);
    await issuedPdf(ctx.db(), id, ctx.now);
    return invoiceDetail(ctx.db(), id, ctx.today);
  },
  'invoices.pdf': async (ctx, { id }) => {
    const { pdf, sha256, fileName } = await issuedPdf(ctx.db(), id, ctx.now);
    return { fileName, sha256, dataBase64: pdf.toString('base64') };
  },
  'invoices.savePdf': async (ctx, { id }) => {
    const { pdf, fileName } = await issuedPdf(ctx.db(), id, ctx.now);
    const result = await ctx.desktop.savePdf(fileName, pdf);
    if (result.status === 'saved') ctx.savedPdfs.set(id, result.path);
    return result;
  },
  'invoices.openPdf': async (ctx, { id }) => {
    const { pdf, fileName } = await issuedPdf(ctx.db(), id, ctx.now);
    return ctx.desktop.openPdf(fileName, pdf);
  },
  'invoices.showSavedPdf': (ctx, { id }) => {
    const saved = ctx.savedPdfs.get(id);
    if (saved) ctx.desktop.showInFolder(saved);
    return { shown: !!saved };
  },

  'creditNotes.issue': async (ctx, input) => {
    const id = issueCreditNote(ctx.db(), input, ctx.now);
    await issuedPdf(ctx.db(), id, ctx.now);
    return invoiceDetail(ctx.db(), id, ctx.today);
  },
  'payments.record': (ctx, input) => {
    recordPayment(ctx.db(), input, ctx.now);
    return invoiceDetail(ctx.db(), input.invoiceId, ctx.today);
  },
  'payments.delete': (ctx, { id }) => {
    const invoiceId = found(deletePayment(ctx.db(), id), 'This payment');
    return invoiceDetail(ctx.db(), invoiceId, ctx.today);
  },
  'rates.list': (ctx, { currency }) => {
    const profile = found(getProfile(ctx.db()), profileMissing());
    return listRates(ctx.db(), profile.homeCurrency, currency);
  },

  'exports.start': async (ctx, { from, to }) => {
    const folder = await ctx.desktop.chooseExportFolder();
    if (!folder) return { jobId: '', state: 'cancelled', folder: '', total: 0, written: 0, failures: [] };
    const issued = listInvoices(ctx.db(), { clientId: null, from, to, kind: 'all' })
      .filter((row) => row.status === 'issued')
      .toReversed()
      .map((row) => ({ id: row.id, number: row.number! }));
    return ctx.exports.start(ctx.db, folder, issued, () => new Date().toISOString());
  },
  'exports.status': (ctx, { jobId }) => ctx.exports.status(jobId),
  'exports.cancel': (ctx, { jobId }) => ctx.exports.cancel(jobId),
};
