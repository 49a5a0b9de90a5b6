import type { CallName } from './call-names';
import type { ApiResult } from './errors';

/** What the preload exposes as window.billable: one function per declared call. */
export type Bridge = { readonly [K in CallName]: (input: unknown) => Promise<ApiResult<unknown>> };

/** What the preload exposes as window.billableDesktop: what only the desktop knows, read once at start. */
export interface DesktopInfo {
  /** The OS locale (Electron's `app.getLocale()`), which every date, number and amount on screen follows. */
  readonly locale: string;
}

/** The command-line switch that carries the OS locale from the main process to the sandboxed preload. */
export const LOCALE_SWITCH = '--billable-locale=';
