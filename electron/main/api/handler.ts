import type { Db } from '../../../db/client';
import type { CallName, } from '../../../shared/api/call-names';
import type { CallOutput, ParsedInput } from '../../../shared/api/contract';
import type { StoreHolder } from './store-holder';

export interface HandlerContext {
  holder: StoreHolder;
  /** The open database; throws STORE_UNAVAILABLE when the data file could not be opened. */
  db(): Db;
  /** The time of this call, as an ISO string: one clock reading per call. */
  now: string;
}

export type Handler<K extends CallName> = (ctx: HandlerContext, input: ParsedInput<K>) => CallOutput<K>;

export type Handlers<K extends CallName> = { [P in K]: Handler<P> };
