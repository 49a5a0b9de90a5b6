import { z } from 'zod';
import { CALL_NAMES, type CallName } from '../../../shared/api/call-names';
import { contract } from '../../../shared/api/contract';
import { fieldErrorsFromZod, type ApiResult } from '../../../shared/api/errors';
import { DomainError } from '../../../shared/errors/domain-error';
import { AppError } from '../errors';
import { getBusinessTimeZone } from '../../../db/profile';
import { calendarDateIn } from '../../../shared/dates/calendar';
import type { Handler, HandlerContext, Handlers } from './handler';
import { appHandlers } from './handlers/app';
import { bookHandlers } from './handlers/book';
import { billingHandlers } from './handlers/billing';
import { clientHandlers, contactHandlers } from './handlers/clients';
import { creditNoteHandlers } from './handlers/credit-notes';
import { exportHandlers } from './handlers/exports';
import { invoiceHandlers } from './handlers/invoices';
import { paymentHandlers } from './handlers/payments';
import { profileHandlers } from './handlers/profile';
import { rateHandlers } from './handlers/rates';
import { contractHandlers } from './handlers/contracts';
import { expenseHandlers } from './handlers/expenses';
import { reportHandlers } from './handlers/reports';
import { todayHandlers } from './handlers/today';
import { leadHandlers } from './handlers/leads';
import { leadImportHandlers } from './handlers/lead-import';
import { introCallHandlers } from './handlers/intro-calls';
import { proposalHandlers } from './handlers/proposals';
import { searchHandlers } from './handlers/search';
import { vatReturnHandlers } from './handlers/vat-returns';
import { rateCardHandlers } from './handlers/rate-cards';
import { settingsHandlers } from './handlers/settings';
import { timeHandlers } from './handlers/time';
import { ExportJobs } from '../invoicing/export-jobs';
import { browserDesktop, type Desktop } from './desktop';
import { storeProblem, type StoreHolder } from './store-holder';

const handlers: Handlers<CallName> = {
  ...appHandlers,
  ...bookHandlers,
  ...profileHandlers,
  ...clientHandlers,
  ...contactHandlers,
  ...settingsHandlers,
  ...invoiceHandlers,
  ...creditNoteHandlers,
  ...paymentHandlers,
  ...rateHandlers,
  ...rateCardHandlers,
  ...contractHandlers,
  ...billingHandlers,
  ...vatReturnHandlers,
  ...reportHandlers,
  ...todayHandlers,
  ...expenseHandlers,
  ...exportHandlers,
  ...timeHandlers,
  ...leadHandlers,
  ...leadImportHandlers,
  ...introCallHandlers,
  ...proposalHandlers,
  ...searchHandlers,
};

const known: ReadonlySet<string> = new Set(CALL_NAMES);

/** Calls after which the business's time zone must be read again: it is cached between calls. */
const CHANGES_TIME_ZONE: ReadonlySet<string> = new Set(['profile.save', 'app.restoreBackup', 'app.startFresh', 'app.retry']);

/** The zone this computer is set to (honours TZ): the business's zone until the profile names one. */
function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isCallName(name: string): name is CallName {
  return known.has(name);
}

export interface Router {
  dispatch(name: string, input: unknown): Promise<ApiResult<unknown>>;
}

export interface RouterOptions {
  holder: StoreHolder;
  /** Dialogs and OS hand-off; the browser host's downloads by default. */
  desktop?: Desktop;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
}

/**
 * The one entry point for every call, shared by Electron IPC and the browser host: validates the
 * input against the contract before anything touches the database, runs the handler, and returns
 * an envelope. Database work is synchronous (better-sqlite3); only PDF rendering and dialogs wait.
 */
export function createRouter({ holder, desktop, now = () => new Date(), log = console.error }: RouterOptions): Router {
  const services = {
    holder,
    desktop: desktop ?? browserDesktop(holder.dataDir, now),
    exports: new ExportJobs(),
    savedPdfs: new Map<number, string>(),
  };
  let businessZone: string | undefined;
  return {
    async dispatch(name, input) {
      if (!isCallName(name)) {
        return { ok: false, error: { code: 'UNKNOWN_CALL', message: `Unknown call: ${name.slice(0, 100)}`, fieldErrors: {} } };
      }
      const def = contract[name];
      const parsed = def.input.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'VALIDATION', message: 'Some fields need your attention.', fieldErrors: fieldErrorsFromZod(parsed.error) },
        };
      }
      const clock = now();
      const db = () => holder.store().db;
      let today: string | undefined;
      const ctx: HandlerContext = {
        ...services,
        db,
        now: clock.toISOString(),
        // Read on first use only: most calls never need the calendar date.
        get today() {
          businessZone ??= getBusinessTimeZone(db()) ?? computerTimeZone();
          return (today ??= calendarDateIn(businessZone, clock));
        },
      };
      try {
        const handler = handlers[name] as Handler<CallName>;
        const value = def.output.parse(await handler(ctx, parsed.data as never));
        return { ok: true, value };
      } catch (error) {
        const userError =
          error instanceof AppError ? error : error instanceof DomainError ? new AppError('VALIDATION', error.message, error.fieldErrors) : storeProblem(error);
        if (userError) {
          return { ok: false, error: { code: userError.code, message: userError.message, fieldErrors: userError.fieldErrors } };
        }
        log(`call ${name} failed`, error instanceof z.ZodError ? z.prettifyError(error) : error);
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong. Please try again, and if it keeps happening, restart Billable.', fieldErrors: {} },
        };
      } finally {
        if (CHANGES_TIME_ZONE.has(name)) businessZone = undefined;
      }
    },
  };
}
