import { accountantExport } from '../../reports/accountant-export';
import type { Handlers } from '../handler';

export const reportHandlers: Handlers<'reports.accountantExport'> = {
  'reports.accountantExport': (ctx, range) => accountantExport(ctx.db(), range),
};
