import { archiveDiscount, discountRuleViews, saveDiscount } from '../../contracts/discount-rules';
import { addRateCardPrice, changeRateCard, createRateCard, rateCardViews, removeRateCardPrice } from '../../contracts/rate-cards';
import type { Handlers } from '../handler';

export const rateCardHandlers: Handlers<'rateCards.list' | 'rateCards.create' | 'rateCards.update' | 'rateCards.addPrice' | 'rateCards.removePrice' | 'discounts.list' | 'discounts.save' | 'discounts.setArchived'> = {
  'rateCards.list': (ctx) => rateCardViews(ctx.db(), ctx.today),
  'rateCards.create': (ctx, input) => createRateCard(ctx.db(), input, ctx.now, ctx.today),
  'rateCards.update': (ctx, input) => changeRateCard(ctx.db(), input, ctx.now, ctx.today),
  'rateCards.addPrice': (ctx, input) => addRateCardPrice(ctx.db(), input, ctx.now, ctx.today),
  'rateCards.removePrice': (ctx, { id }) => removeRateCardPrice(ctx.db(), id, ctx.today),
  'discounts.list': (ctx) => discountRuleViews(ctx.db()),
  'discounts.save': (ctx, input) => saveDiscount(ctx.db(), input, ctx.now),
  'discounts.setArchived': (ctx, { id, archived }) => archiveDiscount(ctx.db(), id, archived, ctx.now),
};
