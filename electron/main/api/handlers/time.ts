import { getTimeSettings, saveTimeSettings } from '../../../../db/settings';
import { createTimeEntry, deleteTimeEntryChecked, setWeekCell, timeEntryPage, timeEntryTotals, updateTimeEntryAsTyped, weekSheet } from '../../time/entries';
import { currentTimer, discardTimer, keepTimer, startTimer, stopTimer, timerSession } from '../../time/timer';
import type { HandlerContext, Handlers } from '../handler';

/** This run's timer session: one per open-file owner, begun with the first call that asks. */
const session = (ctx: HandlerContext) => timerSession(ctx.holder, ctx.now);

export const timeHandlers: Handlers<
  | 'time.list'
  | 'time.totals'
  | 'time.week'
  | 'time.create'
  | 'time.update'
  | 'time.delete'
  | 'time.setCell'
  | 'time.getSettings'
  | 'time.saveSettings'
  | 'timer.current'
  | 'timer.start'
  | 'timer.stop'
  | 'timer.discard'
  | 'timer.keep'
> = {
  'time.list': (ctx, query) => timeEntryPage(ctx.db(), query),
  'time.totals': (ctx, filter) => timeEntryTotals(ctx.db(), filter),
  'time.week': (ctx, { weekStart }) => weekSheet(ctx.db(), weekStart, ctx.today),
  'time.create': (ctx, input) => createTimeEntry(ctx.db(), input, ctx.now),
  'time.update': (ctx, { id, ...input }) => updateTimeEntryAsTyped(ctx.db(), id, input, ctx.now),
  'time.delete': (ctx, { id }) => deleteTimeEntryChecked(ctx.db(), id),
  'time.setCell': (ctx, input) => setWeekCell(ctx.db(), input, ctx.now, ctx.today),
  'time.getSettings': (ctx) => getTimeSettings(ctx.db()),
  'time.saveSettings': (ctx, input) => saveTimeSettings(ctx.db(), input, ctx.now),
  'timer.current': (ctx) => currentTimer(ctx.db(), session(ctx), ctx.now),
  'timer.start': (ctx, input) => startTimer(ctx.db(), session(ctx), input, ctx.now),
  'timer.stop': (ctx, input) => stopTimer(ctx.db(), session(ctx), input, ctx.now),
  'timer.discard': (ctx) => discardTimer(ctx.db(), session(ctx), ctx.now),
  'timer.keep': (ctx, input) => keepTimer(ctx.db(), session(ctx), input, ctx.now),
};
