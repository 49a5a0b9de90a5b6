import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A screen's title, its one <h1> (focused after navigation, see app/focus.ts), with its subtitle, badges and actions. */
export function PageHeader({ title, subtitle, actions, badges }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; badges?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap">
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={1} size="h2" tabIndex={-1}>
            {title}
          </Title>
          {badges}
        </Group>
        {subtitle && (
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm" wrap="nowrap">{actions}</Group>}
    </Group>
  );
}
