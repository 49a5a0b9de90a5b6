import type { RefObject } from 'react';

/**
 * The window's first tab stop, shown only while focused: jumps past the timer bar and the
 * sidebar to the screen's heading (or the main area while a screen has none). The href names
 * the main area for assistive tools; following it would change the hash route, so the jump is
 * done here instead.
 */
export function SkipLink({ main }: { main: RefObject<HTMLElement | null> }) {
  return (
    <a
      href="#main-content"
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        (main.current?.querySelector<HTMLElement>('h1') ?? main.current)?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
