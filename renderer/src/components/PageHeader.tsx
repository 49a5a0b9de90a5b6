import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({ title, subtitle, actions, badges }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; badges?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap">
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">{title}</Title>
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
