import type { Db } from '../../../db/client';
import type { CallName } from '../../../shared/api/call-names';
import type { CallOutput, ParsedInput } from '../../../shared/api/contract';
import type { ExportJobs } from '../invoicing/export-jobs';
import type { Desktop } from './desktop';
import type { StoreHolder } from './store-holder';

/** Long-lived services the handlers share, created once per router. */
export interface Services {
  holder: StoreHolder;
  desktop: Desktop;
  exports: ExportJobs;
  /** Where each invoice's PDF was last saved this session, for "Show in folder". */
  savedPdfs: Map<number, string>;
}

export interface HandlerContext extends Services {
  /** The open database; throws STORE_UNAVAILABLE when the data file could not be opened. */
  db(): Db;
  /** The time of this call, as an ISO string: one clock reading per call. */
  now: string;
  /** Today's date (ISO) in the business's time zone (shared/dates/calendar.ts), for due dates and overdue status. */
  today: string;
}

export type Handler<K extends CallName> = (ctx: HandlerContext, input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;

export type Handlers<K extends CallName> = { [P in K]: Handler<P> };
