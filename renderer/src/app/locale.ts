import type { DesktopInfo } from '../../../shared/api/bridge';

declare global {
  interface Window {
    billableDesktop?: DesktopInfo;
  }
}

/** The first candidate Intl can format in, canonical ("en-GB"); en-GB when none can. */
export function pickLocale(candidates: readonly (string | undefined)[]): string {
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(candidate);
      if (canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0) return canonical;
    } catch {
      // Not a locale tag: try the next candidate.
    }
  }
  return 'en-GB';
}

let chosen: string | undefined;

/**
 * The one locale every date, number and amount on screen is shown and typed in: the OS's in
 * Electron (the main process hands over `app.getLocale()` through the preload), the browser's in
 * the browser host. Read once: the OS locale does not change under a running window.
 */
export function displayLocale(): string {
  chosen ??= pickLocale([window.billableDesktop?.locale, navigator.language]);
  return chosen;
}
