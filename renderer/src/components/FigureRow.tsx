import { Group, Text } from '@mantine/core';

/** A label and an amount on one line; the strong variant is for totals. */
export function FigureRow({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'sm'} fw={strong ? 700 : 500} className="tabular" data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}
