import { deletePayment } from '../../../../db/payments';
import { found } from '../../errors';
import { invoiceDetail } from '../../invoicing/detail';
import { recordPayment } from '../../invoicing/payments';
import type { Handlers } from '../handler';

export const paymentHandlers: Handlers<'payments.record' | 'payments.delete'> = {
  'payments.record': (ctx, input) => {
    recordPayment(ctx.db(), input, ctx.now);
    return invoiceDetail(ctx.db(), input.invoiceId, ctx.today);
  },
  'payments.delete': (ctx, { id }) => {
    const invoiceId = found(deletePayment(ctx.db(), id), 'This payment');
    return invoiceDetail(ctx.db(), invoiceId, ctx.today);
  },
};
