import { bookCall, callCalendarFile, cancelCall, leadCalls, markCallHeld, previewCall, proposeCallSlots, rescheduleCall } from '../../intro-calls/intro-calls';
import type { Handlers } from '../handler';

export const introCallHandlers: Handlers<
  'introCalls.forLead' | 'introCalls.preview' | 'introCalls.book' | 'introCalls.reschedule' | 'introCalls.cancel' | 'introCalls.markHeld' | 'introCalls.ics' | 'introCalls.proposeSlots'
> = {
  'introCalls.forLead': (ctx, { leadId }) => leadCalls(ctx.db(), leadId),
  'introCalls.preview': (ctx, input) => previewCall(ctx.db(), input, ctx.now),
  'introCalls.book': (ctx, input) => bookCall(ctx.db(), input, ctx.now),
  'introCalls.reschedule': (ctx, input) => rescheduleCall(ctx.db(), input, ctx.now),
  'introCalls.cancel': (ctx, { id }) => cancelCall(ctx.db(), id, ctx.now),
  'introCalls.markHeld': (ctx, input) => markCallHeld(ctx.db(), input, ctx.now),
  'introCalls.ics': (ctx, { id }) => callCalendarFile(ctx.db(), id, ctx.now),
  'introCalls.proposeSlots': (ctx, { leadId }) => proposeCallSlots(ctx.db(), leadId, ctx.now),
};
