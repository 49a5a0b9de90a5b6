import { Group, Kbd } from '@mantine/core';

/** A shortcut's keys as keyboard caps ("⌘ ⇧ S"); app/shortcuts.ts gives the keys for this platform. */
export function Keys({ keys, size = 'xs' }: { keys: readonly string[]; size?: 'xs' | 'sm' }) {
  return (
    <Group gap={2} wrap="nowrap" component="span">
      {keys.map((k) => (
        <Kbd key={k} size={size}>
          {k}
        </Kbd>
      ))}
    </Group>
  );
}
