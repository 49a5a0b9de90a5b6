import { todayAgenda } from '../../today/agenda';
import type { Handlers } from '../handler';

export const todayHandlers: Handlers<'today.agenda'> = {
  'today.agenda': (ctx) => todayAgenda(ctx.db(), ctx.today, ctx.now),
};
