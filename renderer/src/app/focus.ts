import { useEffect, useRef, type RefObject } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** How long after a navigation a screen that is still loading may take to show its heading. */
const HEADING_WAIT_MS = 5000;

/**
 * After the user moves to another screen, puts focus on its <h1> (tabIndex -1), so a screen
 * reader announces where they are and Tab starts from the top of the page, not the sidebar.
 * The heading may arrive after the address changes (the page waits for its data), so this
 * watches `main` for it a few seconds, unless the user has put focus somewhere else meanwhile
 * (the timer in the header, say). A replace (a redirect, or a new draft taking its own
 * address on save) is not the user going somewhere, so focus stays where it is; nor is the
 * first screen, so the skip link stays the first tab stop.
 */
export function useFocusHeadingOnNavigate(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const type = useNavigationType();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const root = main.current;
    if (type === 'REPLACE' || !root) return;
    // What had focus when the address changed (the link followed, say); anything else focused since is the user's choice and stays.
    const before = document.activeElement;
    let focused: HTMLElement | null = null;
    const focusHeading = () => {
      const heading = root.querySelector<HTMLElement>('h1');
      const active = document.activeElement;
      const free = active === null || active === document.body || active === before || active === focused;
      if (!heading || heading === focused || !free) return;
      heading.focus();
      focused = heading;
    };
    const observer = new MutationObserver(focusHeading);
    observer.observe(root, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    focusHeading();
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [pathname, type, main]);
}

/**
 * Returns focus to whatever opened a dialog once the dialog closes. Mantine does this only for a
 * modal toggled by its `opened` prop; the app mounts each dialog open and unmounts it to close,
 * so focus would fall to the page's body and a keyboard user would start again from the top.
 * The opener is the last element focused outside any dialog; it must still be on the page (an
 * action that moved to another screen leaves focus to the new screen's heading).
 */
export function useDialogFocusReturn(): void {
  useEffect(() => {
    let opener: HTMLElement | null = null;
    let dialogOpen = false;
    const remember = (event: FocusEvent) => {
      const target = event.target;
      if (target instanceof HTMLElement && !target.closest('[role="dialog"]')) opener = target;
    };
    const observer = new MutationObserver(() => {
      const open = document.querySelector('[role="dialog"]') !== null;
      if (dialogOpen && !open && opener?.isConnected && (document.activeElement === null || document.activeElement === document.body)) opener.focus();
      dialogOpen = open;
    });
    document.addEventListener('focusin', remember);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', remember);
      observer.disconnect();
    };
  }, []);
}
