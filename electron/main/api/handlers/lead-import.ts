import { exportLeadsCsv } from '../../lead-import/export';
import { leadFromEml } from '../../lead-import/eml';
import { importCsv, previewCsv } from '../../lead-import/import';
import type { Handlers } from '../handler';

export const leadImportHandlers: Handlers<'leadImport.previewCsv' | 'leadImport.importCsv' | 'leadImport.exportCsv' | 'leadImport.fromEml'> = {
  'leadImport.previewCsv': (ctx, input) => previewCsv(ctx.db(), input),
  'leadImport.importCsv': (ctx, input) => importCsv(ctx.db(), input, ctx.now),
  'leadImport.exportCsv': (ctx, query) => exportLeadsCsv(ctx.db(), query, ctx.today),
  'leadImport.fromEml': (ctx, { dataBase64 }) => leadFromEml(ctx.db(), Buffer.from(dataBase64, 'base64'), ctx.now, ctx.today),
};
