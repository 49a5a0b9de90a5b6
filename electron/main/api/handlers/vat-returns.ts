import { getVatReturnSettings } from '../../../../db/settings';
import { exportReturn, finaliseReturn, getReturn, listReturnPeriods, returnSources, saveReturnSettings } from '../../vat-return/returns';
import { exportVatSummary, getVatSummary } from '../../vat-return/summary';
import type { Handlers } from '../handler';

export const vatReturnHandlers: Handlers<
  'vatReturns.getSettings' | 'vatReturns.saveSettings' | 'vatReturns.periods' | 'vatReturns.get' | 'vatReturns.sources' | 'vatReturns.finalise' | 'vatReturns.export' | 'vatReturns.summary' | 'vatReturns.exportSummary'
> = {
  'vatReturns.getSettings': (ctx) => getVatReturnSettings(ctx.db()),
  'vatReturns.saveSettings': (ctx, input) => saveReturnSettings(ctx.db(), input, ctx.today, ctx.now),
  'vatReturns.periods': (ctx) => listReturnPeriods(ctx.db(), ctx.today),
  'vatReturns.get': (ctx, { periodStart, limitedCostTrader }) => getReturn(ctx.db(), periodStart, ctx.today, limitedCostTrader),
  'vatReturns.sources': (ctx, input) => returnSources(ctx.db(), input, ctx.today),
  'vatReturns.finalise': (ctx, input) => finaliseReturn(ctx.db(), input, ctx.today, ctx.now),
  'vatReturns.export': (ctx, input) => exportReturn(ctx.db(), input, ctx.today),
  'vatReturns.summary': (ctx, input) => getVatSummary(ctx.db(), input),
  'vatReturns.exportSummary': (ctx, input) => exportVatSummary(ctx.db(), input),
};
