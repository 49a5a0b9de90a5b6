import type { Handlers } from '../handler';

export const exportHandlers: Handlers<'exports.start' | 'exports.status' | 'exports.cancel'> = {
  'exports.start': async (ctx, range) => {
    const folder = await ctx.desktop.chooseExportFolder();
    if (!folder) return { jobId: '', state: 'cancelled', folder: '', total: 0, written: 0, failures: [] };
    return ctx.exports.startRange(ctx.db, folder, range, () => new Date().toISOString());
  },
  'exports.status': (ctx, { jobId }) => ctx.exports.status(jobId),
  'exports.cancel': (ctx, { jobId }) => ctx.exports.cancel(jobId),
};
