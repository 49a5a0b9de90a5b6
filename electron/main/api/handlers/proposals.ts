import { acceptProposal, createProposal, declineProposal, leadProposals, markProposalSent, proposalMatches, updateProposal } from '../../proposals/proposals';
import { proposalPdf } from '../../proposals/pdf';
import { clientTimeline, logClientActivity } from '../../leads/client-timeline';
import type { Handlers } from '../handler';

export const proposalHandlers: Handlers<
  'proposals.list' | 'proposals.create' | 'proposals.update' | 'proposals.markSent' | 'proposals.decline' | 'proposals.matches' | 'proposals.accept' | 'proposals.pdf' | 'proposals.savePdf' | 'clients.timeline' | 'clients.logActivity'
> = {
  'proposals.list': (ctx, { leadId }) => leadProposals(ctx.db(), leadId, ctx.today),
  'proposals.create': (ctx, input) => createProposal(ctx.db(), input, ctx.now, ctx.today),
  'proposals.update': (ctx, input) => updateProposal(ctx.db(), input, ctx.now, ctx.today),
  'proposals.markSent': (ctx, { id }) => markProposalSent(ctx.db(), id, ctx.now, ctx.today),
  'proposals.decline': (ctx, { id }) => declineProposal(ctx.db(), id, ctx.now, ctx.today),
  'proposals.matches': (ctx, input) => proposalMatches(ctx.db(), input),
  'proposals.accept': (ctx, input) => acceptProposal(ctx.db(), input, ctx.now, ctx.today),
  'proposals.pdf': async (ctx, { id }) => {
    const { pdf, sha256, fileName } = await proposalPdf(ctx.db(), id, ctx.today);
    return { fileName, sha256, dataBase64: pdf.toString('base64') };
  },
  'proposals.savePdf': async (ctx, { id }) => {
    const { pdf, fileName } = await proposalPdf(ctx.db(), id, ctx.today);
    return ctx.desktop.savePdf(fileName, pdf);
  },
  'clients.timeline': (ctx, { id }) => clientTimeline(ctx.db(), id),
  'clients.logActivity': (ctx, input) => logClientActivity(ctx.db(), input, ctx.now),
};
