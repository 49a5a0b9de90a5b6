import type { Handlers } from '../handler';

export const appHandlers: Handlers<'app.status' | 'app.retry' | 'app.restoreBackup' | 'app.startFresh'> = {
  'app.status': (ctx) => ctx.holder.status(),
  // Once the user has fixed what stopped the data file opening (a lock held elsewhere, permissions, disk space).
  'app.retry': (ctx) => ctx.holder.retry(),
  'app.restoreBackup': (ctx, { file }) => ctx.holder.restore(file),
  'app.startFresh': (ctx) => ctx.holder.startFresh(),
};
