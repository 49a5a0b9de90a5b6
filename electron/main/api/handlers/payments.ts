import { invoiceDetail } from '../../invoicing/detail';
import { recordPayment, removePayment } from '../../invoicing/payments';
import type { Handlers } from '../handler';

export const paymentHandlers: Handlers<'payments.record' | 'payments.delete'> = {
  'payments.record': (ctx, input) => {
    recordPayment(ctx.db(), input, ctx.now, ctx.today);
    return invoiceDetail(ctx.db(), input.invoiceId, ctx.today);
  },
  'payments.delete': (ctx, { id }) => {
    const invoiceId = removePayment(ctx.db(), id, ctx.today, ctx.now);
    return invoiceDetail(ctx.db(), invoiceId, ctx.today);
  },
};
