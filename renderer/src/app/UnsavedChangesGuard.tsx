import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { DISCARD_QUESTION, hasUnsavedChanges } from '../forms/unsaved-changes';

/**
 * The one place that keeps unsaved work from being lost without a word: moving to another screen
 * (sidebar, link, back) while a form holds changes asks "Discard changes?", and closing or
 * reloading the window is held by `beforeunload` (the browser asks; in Electron the main process
 * shows the same question, electron/main/shell/window.ts). One blocker for the whole app, since
 * the router allows only one.
 */
export function UnsavedChangesGuard() {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname + currentLocation.search !== nextLocation.pathname + nextLocation.search && hasUnsavedChanges());

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (hasUnsavedChanges()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const blocked = blocker.state === 'blocked';
  return (
    <Modal opened={blocked} onClose={() => blocker.reset?.()} title={<Text fw={650}>{DISCARD_QUESTION.title}</Text>} centered>
      <Text size="sm" mb="lg">
        {DISCARD_QUESTION.message}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {DISCARD_QUESTION.stay}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {DISCARD_QUESTION.discard}
        </Button>
      </Group>
    </Modal>
  );
}
