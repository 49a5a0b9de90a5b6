import { ipcMain } from 'electron';
import { CALL_NAMES, channelFor } from '../../../shared/api/call-names';
import type { ApiResult } from '../../../shared/api/errors';
import type { Router } from '../api/router';
import { isTrustedSender } from '../security/sender';

const FORBIDDEN: ApiResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This window may not use the Billable API.', fieldErrors: {} },
};

/** One handler per declared call; each checks the sender before the router sees the input. */
export function registerIpc(router: Router): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelFor(name), (event, input: unknown) =>
      isTrustedSender(event.senderFrame) ? router.dispatch(name, input) : FORBIDDEN,
    );
  }
}
