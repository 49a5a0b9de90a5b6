import { getInvoicingSettings, saveInvoicingSettings } from '../../../../db/settings';
import type { Handlers } from '../handler';

export const settingsHandlers: Handlers<'settings.getInvoicing' | 'settings.saveInvoicing'> = {
  'settings.getInvoicing': (ctx) => getInvoicingSettings(ctx.db()),
  'settings.saveInvoicing': (ctx, input) => saveInvoicingSettings(ctx.db(), input, ctx.now),
};
