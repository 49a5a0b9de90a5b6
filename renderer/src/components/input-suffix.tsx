import { Text } from '@mantine/core';

/** Props that show a unit ("USD", "h", "%") at the right end of a text input, out of the way of clicks. */
export function suffixProps(unit: string) {
  return {
    rightSection: (
      <Text size="xs" c="dimmed" fw={500}>
        {unit}
      </Text>
    ),
    rightSectionWidth: Math.max(36, unit.length * 9 + 16),
    rightSectionPointerEvents: 'none' as const,
  };
}
