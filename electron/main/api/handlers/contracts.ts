import { amendContract, changeContractStatus, contractDetail, contractSummaries, createContract, discardContractDraft,
  setContractTimesheetAppendix, previewContractRate, updateContractDraft } from '../../contracts/contracts';
import { attachCountersigned, contractVersionPdf, countersignedPdf, signContract } from '../../contracts/documents';
import type { Handlers } from '../handler';

export const contractHandlers: Handlers<
  | 'contracts.list'
  | 'contracts.get'
  | 'contracts.create'
  | 'contracts.updateDraft'
  | 'contracts.previewRate'
  | 'contracts.setStatus'
  | 'contracts.sign'
  | 'contracts.amend'
  | 'contracts.discardDraft'
  | 'contracts.setTimesheetAppendix'
  | 'contracts.pdf'
  | 'contracts.savePdf'
  | 'contracts.attachCountersigned'
  | 'contracts.saveCountersigned'
> = {
  'contracts.list': (ctx, query) => contractSummaries(ctx.db(), query, ctx.today),
  'contracts.get': (ctx, { id }) => contractDetail(ctx.db(), id, ctx.today),
  'contracts.create': (ctx, terms) => createContract(ctx.db(), terms, ctx.now, ctx.today),
  'contracts.updateDraft': (ctx, { id, ...terms }) => updateContractDraft(ctx.db(), id, terms, ctx.now, ctx.today),
  'contracts.previewRate': (ctx, input) => previewContractRate(ctx.db(), input),
  'contracts.setStatus': (ctx, input) => changeContractStatus(ctx.db(), input, ctx.now, ctx.today),
  'contracts.sign': (ctx, { id }) => signContract(ctx.db(), id, ctx.now, ctx.today),
  'contracts.amend': (ctx, input) => amendContract(ctx.db(), input, ctx.now, ctx.today),
  'contracts.discardDraft': (ctx, { id }) => discardContractDraft(ctx.db(), id, ctx.today),
  'contracts.setTimesheetAppendix': (ctx, { id, on }) => setContractTimesheetAppendix(ctx.db(), id, on, ctx.now, ctx.today),
  'contracts.pdf': async (ctx, { versionId }) => {
    const { pdf, sha256, fileName } = await contractVersionPdf(ctx.db(), versionId);
    return { fileName, sha256, dataBase64: pdf.toString('base64') };
  },
  'contracts.savePdf': async (ctx, { versionId }) => {
    const { pdf, fileName } = await contractVersionPdf(ctx.db(), versionId);
    return ctx.desktop.savePdf(fileName, pdf);
  },
  'contracts.attachCountersigned': (ctx, input) => attachCountersigned(ctx.db(), input, ctx.now, ctx.today),
  'contracts.saveCountersigned': async (ctx, { contractId, documentId }) => {
    const { pdf, fileName } = await countersignedPdf(ctx.db(), contractId, documentId);
    return ctx.desktop.savePdf(fileName, pdf);
  },
};
