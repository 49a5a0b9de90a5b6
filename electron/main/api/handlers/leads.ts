import { getLeadSettings, saveLeadSettings } from '../../../../db/settings';
import { changeLeadStage, createLead, deleteLead, leadBoard, leadDetail, logLeadActivity, updateLead } from '../../leads/leads';
import type { Handlers } from '../handler';

export const leadHandlers: Handlers<'leads.list' | 'leads.get' | 'leads.create' | 'leads.update' | 'leads.setStage' | 'leads.logActivity' | 'leads.delete' | 'leads.settings' | 'leads.saveSettings'> = {
  'leads.list': (ctx, query) => leadBoard(ctx.db(), query, ctx.today),
  'leads.get': (ctx, { id }) => leadDetail(ctx.db(), id, ctx.today),
  'leads.create': (ctx, input) => createLead(ctx.db(), input, ctx.now, ctx.today),
  'leads.update': (ctx, input) => updateLead(ctx.db(), input, ctx.now, ctx.today),
  'leads.setStage': (ctx, input) => changeLeadStage(ctx.db(), input, ctx.now, ctx.today),
  'leads.logActivity': (ctx, input) => logLeadActivity(ctx.db(), input, ctx.now, ctx.today),
  'leads.delete': (ctx, { id }) => deleteLead(ctx.db(), id),
  'leads.settings': (ctx) => getLeadSettings(ctx.db()),
  'leads.saveSettings': (ctx, settings) => saveLeadSettings(ctx.db(), settings, ctx.now),
};
