import { accountantExport } from '../../reports/accountant-export';
import { dashboard } from '../../reports/dashboard';
import type { Handlers } from '../handler';

export const reportHandlers: Handlers<'reports.accountantExport' | 'reports.dashboard'> = {
  'reports.accountantExport': (ctx, range) => accountantExport(ctx.db(), range),
  'reports.dashboard': (ctx, { months }) => dashboard(ctx.db(), months, ctx.today),
};
