import type { Handlers } from './handler';

/**
 * Recovery calls beyond handlers/app.ts: trying the data file again once the user has fixed
 * what stopped it opening (a lock held elsewhere, permissions, disk space).
 */
export const recoveryHandlers: Handlers<'app.retry'> = {
  'app.retry': (ctx) => ctx.holder.retry(),
};
