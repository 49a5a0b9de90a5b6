import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useThemeStore, type ThemePreference } from '../stores/theme';

export function ThemeMenu() {
  const { preference, setPreference } = useThemeStore();
  return (
    <Stack gap={6} p="xs">
      <Text size="xs" c="dimmed" fw={500} id="theme-label">
        Appearance
      </Text>
      <SegmentedControl
        size="xs"
        fullWidth
        aria-labelledby="theme-label"
        value={preference}
        onChange={(value) => setPreference(value as ThemePreference)}
        data={[
          { value: 'auto', label: 'System' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
      />
    </Stack>
  );
}
