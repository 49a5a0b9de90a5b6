import type { Bridge } from '../../../shared/api/bridge';
import type { CallName } from '../../../shared/api/call-names';
import type { ApiResult } from '../../../shared/api/errors';

declare global {
  interface Window {
    billable?: Bridge;
  }
}

export type Transport = (name: CallName, input: unknown) => Promise<ApiResult<unknown>>;

const TOKEN_KEY = 'billable-host-token';

/** The browser host's transport: same calls over HTTP, authorised by the run's token. */
function hostTransport(): Transport {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  return async (name, input) => {
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-billable-token': token },
      body: JSON.stringify({ input }),
    });
    return (await response.json()) as ApiResult<unknown>;
  };
}

/** The preload bridge inside Electron, otherwise the browser host. */
export function pickTransport(): Transport {
  const bridge = window.billable;
  if (bridge) return (name, input) => bridge[name](input);
  return hostTransport();
}
