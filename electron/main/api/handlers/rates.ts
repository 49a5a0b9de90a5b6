import { listRates } from '../../../../db/exchange-rates';
import { getHomeCurrency } from '../../../../db/profile';
import { found, profileMissing } from '../../errors';
import type { Handlers } from '../handler';

export const rateHandlers: Handlers<'rates.list'> = {
  'rates.list': (ctx, { currency }) => listRates(ctx.db(), found(getHomeCurrency(ctx.db()), profileMissing()), currency),
};
