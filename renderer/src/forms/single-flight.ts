import { useState } from 'react';

/**
 * A gate that runs one save at a time: a call made while the last one is still running is
 * dropped (resolves to undefined) instead of sending the same save twice. Ctrl+S held down
 * (key repeat) or Enter pressed twice would otherwise create two drafts and show two toasts.
 */
export function singleFlight(): <R>(work: () => Promise<R>) => Promise<R | undefined> {
  let running = false;
  return async (work) => {
    if (running) return undefined;
    running = true;
    try {
      return await work();
    } finally {
      running = false;
    }
  };
}

/** singleFlight kept for the component's lifetime: one save at a time per form. */
export function useSingleFlight(): ReturnType<typeof singleFlight> {
  return useState(singleFlight)[0];
}
