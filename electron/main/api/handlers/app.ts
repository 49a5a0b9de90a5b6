import type { Handlers } from '../handler';

export const appHandlers: Handlers<'app.status' | 'app.retry' | 'app.restoreBackup' | 'app.startFresh' | 'app.chooseDataFolder' | 'app.notify' | 'backups.list' | 'backups.create'> = {
  'app.status': (ctx) => ctx.holder.status(),
  // Once the user has fixed what stopped the data file opening (a lock held elsewhere, permissions, disk space).
  'app.retry': (ctx) => ctx.holder.retry(),
  'app.restoreBackup': (ctx, { file }) => ctx.holder.restore(file),
  'app.startFresh': (ctx) => ctx.holder.startFresh(),
  'app.chooseDataFolder': async (ctx) => {
    const folder = await ctx.desktop.chooseDataFolder();
    if (!folder) return ctx.holder.status();
    const status = ctx.holder.useFolder(folder);
    if (status.state === 'ready') ctx.desktop.rememberDataFolder(folder);
    return status;
  },
  'app.notify': (ctx, { title, body }) => ({ shown: ctx.desktop.notify(title, body) }),
  'backups.list': (ctx) => ctx.holder.backups(),
  'backups.create': async (ctx) => {
    const folder = await ctx.desktop.chooseBackupFolder();
    if (!folder) return { status: 'cancelled' };
    return { status: 'saved', ...(await ctx.holder.backupNow(folder)) };
  },
};
