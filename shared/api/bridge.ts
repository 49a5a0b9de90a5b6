import type { CallName } from './call-names';
import type { ApiResult } from './errors';

/** What the preload exposes as window.billable: one function per declared call. */
export type Bridge = { readonly [K in CallName]: (input: unknown) => Promise<ApiResult<unknown>> };
