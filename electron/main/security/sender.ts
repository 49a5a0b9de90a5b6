/** The renderer is served from app://billable/; nothing else may call the API. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'billable';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True only for app://billable/... with no user, password or port. Node's URL.origin is "null"
 * for custom schemes, so each part is compared; a naive check let app://user@billable/ through.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.hostname === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    raw.startsWith(`${APP_ORIGIN}/`)
  );
}

export interface FrameLike {
  url: string;
  parent: unknown;
}

/** IPC is accepted only from the app's own top-level frame. */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}
