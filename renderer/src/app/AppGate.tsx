import { Center, Loader, Stack, Text } from '@mantine/core';
import { useApiQuery } from '../api/hooks';
import { OnboardingPage } from '../features/onboarding/OnboardingPage';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { AppLayout } from './AppLayout';
import { ErrorPanel } from '../components/ErrorPanel';

/**
 * Decides what the window shows: the recovery screen when the data file could not be opened,
 * onboarding until a business profile exists, then the app. `data-app-state` is the ready marker
 * tests wait for.
 */
export function AppGate() {
  const status = useApiQuery('app.status');

  if (status.isPending) {
    return (
      <Center h="100%" data-app-state="loading">
        <Loader />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <Center h="100%" data-app-state="error">
        <Stack maw={420}>
          <ErrorPanel error={status.error} />
          <Text size="sm" c="dimmed">Restart Billable. If this keeps happening, your data folder may be unreadable.</Text>
        </Stack>
      </Center>
    );
  }
  const value = status.data;
  if (value.state === 'failed') return <RecoveryScreen status={value} />;
  if (!value.hasProfile) return <OnboardingPage />;
  return <AppLayout />;
}
