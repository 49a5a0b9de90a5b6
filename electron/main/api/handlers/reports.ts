import { accountantExport } from '../../reports/accountant-export';
import { dashboard } from '../../reports/dashboard';
import { profitSummary } from '../../reports/profit';
import type { Handlers } from '../handler';

export const reportHandlers: Handlers<'reports.accountantExport' | 'reports.dashboard' | 'reports.profit'> = {
  'reports.accountantExport': (ctx, range) => accountantExport(ctx.db(), range),
  'reports.dashboard': (ctx, { months, allClients }) => dashboard(ctx.db(), months, ctx.today, allClients),
  'reports.profit': (ctx, range) => profitSummary(ctx.db(), range),
};
