import '@fontsource-variable/inter';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import './app/styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { AppGate } from './app/AppGate';
import { accessibleColors } from './app/contrast';
import { theme } from './app/theme';
import { useThemeStore } from './stores/theme';

// A data router, so a form with unsaved changes can hold a navigation (useBlocker); AppLayout's <Routes> pick the screen.
const router = createHashRouter([{ path: '*', element: <AppGate /> }]);

const queryClient = new QueryClient({
  // Reads are local and cheap, so a page always shows fresh data when it mounts.
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 } },
});

function Root() {
  const preference = useThemeStore((s) => s.preference);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={accessibleColors} defaultColorScheme="auto" forceColorScheme={preference === 'auto' ? undefined : preference}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <RouterProvider router={router} />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
