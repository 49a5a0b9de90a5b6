import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useEffect, useLayoutEffect, useRef } from 'react';

/** How each form on screen tells whether it holds changes not yet saved. */
const checks = new Set<() => boolean>();

/** The question asked before unsaved work is thrown away, the same wherever it is asked. */
export const DISCARD_QUESTION = {
  title: 'Discard changes?',
  message: 'You have changes that are not saved. Leave and lose them, or stay to save them.',
  stay: 'Stay',
  discard: 'Discard',
} as const;

/**
 * Registers a form while it is mounted, so leaving the screen or closing the window asks first
 * while `isDirty` says it has unsaved changes. `isDirty` is read at the moment the user leaves,
 * so a form that has just saved (and reset its dirty state) lets the navigation that follows pass.
 */
export function useUnsavedChanges(isDirty: () => boolean): void {
  const latest = useRef(isDirty);
  useLayoutEffect(() => {
    latest.current = isDirty;
  });
  useEffect(() => {
    const check = () => latest.current();
    checks.add(check);
    return () => {
      checks.delete(check);
    };
  }, []);
}

/** True when any form on screen holds changes not yet saved. */
export function hasUnsavedChanges(): boolean {
  return [...checks].some((check) => check());
}

/**
 * A dialog's close (Escape, the overlay, Cancel) that asks "Discard changes?" first while its
 * form holds changes, and registers the form as useUnsavedChanges does. A successful save closes
 * the dialog with the plain `onClose`.
 */
export function useConfirmedClose(isDirty: () => boolean, onClose: () => void): () => void {
  useUnsavedChanges(isDirty);
  return () => {
    if (!isDirty()) {
      onClose();
      return;
    }
    modals.openConfirmModal({
      title: DISCARD_QUESTION.title,
      children: <Text size="sm">{DISCARD_QUESTION.message}</Text>,
      labels: { confirm: DISCARD_QUESTION.discard, cancel: DISCARD_QUESTION.stay },
      confirmProps: { color: 'red' },
      onConfirm: onClose,
    });
  };
}
