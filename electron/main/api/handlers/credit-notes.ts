import { issueCreditNote, previewCreditNote } from '../../invoicing/credit-notes';
import { invoiceDetail } from '../../invoicing/detail';
import { storeIssuedPdf } from '../../invoicing/documents';
import type { Handlers } from '../handler';

export const creditNoteHandlers: Handlers<'creditNotes.issue' | 'creditNotes.preview'> = {
  'creditNotes.preview': (ctx, input) => previewCreditNote(ctx.db(), input),
  'creditNotes.issue': async (ctx, input) => {
    const issued = issueCreditNote(ctx.db(), input, ctx.now);
    await storeIssuedPdf(ctx.db(), issued, ctx.now);
    return invoiceDetail(ctx.db(), issued.id, ctx.today);
  },
};
