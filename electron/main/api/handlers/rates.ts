import { importRateFile, ratePage, removeRate, saveUserRate, suggestRate } from '../../rates/rates';
import type { Handlers } from '../handler';

export const rateHandlers: Handlers<'rates.list' | 'rates.suggest' | 'rates.save' | 'rates.delete' | 'rates.import'> = {
  'rates.list': (ctx, query) => ratePage(ctx.db(), query),
  'rates.suggest': (ctx, { currency, date }) => suggestRate(ctx.db(), currency, date),
  'rates.save': (ctx, input) => saveUserRate(ctx.db(), input, ctx.now),
  'rates.delete': (ctx, { id }) => removeRate(ctx.db(), id),
  'rates.import': (ctx, input) => importRateFile(ctx.db(), input, ctx.now),
};
