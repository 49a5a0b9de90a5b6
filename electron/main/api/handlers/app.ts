import type { Handlers } from '../handler';

export const appHandlers: Handlers<'app.status' | 'app.restoreBackup' | 'app.startFresh'> = {
  'app.status': (ctx) => ctx.holder.status(),
  'app.restoreBackup': (ctx, { file }) => ctx.holder.restore(file),
  'app.startFresh': (ctx) => ctx.holder.startFresh(),
};
