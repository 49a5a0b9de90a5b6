import { invoiceTotals } from '../../../../db/invoices';
import { issuedPdf, storeIssuedPdf } from '../../invoicing/documents';
import { invoiceDetail, invoiceSummaries } from '../../invoicing/detail';
import { createDraft, removeDraft, saveDraft } from '../../invoicing/drafts';
import { duplicateInvoice } from '../../invoicing/duplicate';
import { addHomeValue } from '../../invoicing/home-values';
import { issueInvoice, nextInvoiceNumber } from '../../invoicing/issue';
import type { Handlers } from '../handler';

export const invoiceHandlers: Handlers<
  | 'invoices.list'
  | 'invoices.totals'
  | 'invoices.get'
  | 'invoices.createDraft'
  | 'invoices.updateDraft'
  | 'invoices.deleteDraft'
  | 'invoices.duplicate'
  | 'invoices.issue'
  | 'invoices.nextNumber'
  | 'invoices.pdf'
  | 'invoices.savePdf'
  | 'invoices.openPdf'
  | 'invoices.showSavedPdf'
  | 'invoices.addHomeValue'
> = {
  'invoices.list': (ctx, query) => invoiceSummaries(ctx.db(), query, ctx.today),
  'invoices.totals': (ctx, filter) => invoiceTotals(ctx.db(), filter, ctx.today),
  'invoices.get': (ctx, { id }) => invoiceDetail(ctx.db(), id, ctx.today),
  'invoices.createDraft': (ctx, input) => createDraft(ctx.db(), input, ctx.now, ctx.today),
  'invoices.updateDraft': (ctx, { id, ...data }) => saveDraft(ctx.db(), id, data, ctx.now, ctx.today),
  'invoices.deleteDraft': (ctx, { id }) => removeDraft(ctx.db(), id),
  'invoices.duplicate': (ctx, { id }) => duplicateInvoice(ctx.db(), id, ctx.now, ctx.today),
  'invoices.issue': async (ctx, { id, fx }) => {
    await storeIssuedPdf(ctx.db(), issueInvoice(ctx.db(), id, fx, ctx.now), ctx.now);
    return invoiceDetail(ctx.db(), id, ctx.today);
  },
  'invoices.nextNumber': (ctx, { id }) => nextInvoiceNumber(ctx.db(), id),
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
  'invoices.addHomeValue': (ctx, { id, fx }) => {
    addHomeValue(ctx.db(), id, fx, ctx.now);
    return invoiceDetail(ctx.db(), id, ctx.today);
  },
};
