import { AppShell, Group, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { IconAdjustments, IconArrowsExchange, IconBuildingStore, IconDatabase, IconFileInvoice, IconReceipt2, IconUsers } from '@tabler/icons-react';
import { Navigate, NavLink as RouterLink, Route, Routes, useLocation } from 'react-router';
import { ClientDetailPage } from '../features/clients/ClientDetailPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { InvoicePage, NewInvoicePage } from '../features/invoices/InvoicePage';
import { InvoicesPage } from '../features/invoices/InvoicesPage';
import { BackupsPage } from '../features/settings/BackupsPage';
import { InvoicingSettingsPage } from '../features/settings/InvoicingSettingsPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { RatesPage } from '../features/rates/RatesPage';
import { BackupNotice } from '../features/recovery/BackupNotice';
import { ThemeMenu } from './ThemeMenu';

/** Only the sections that exist are listed. */
const SECTIONS = [
  { to: '/invoices', label: 'Invoices', icon: IconFileInvoice },
  { to: '/clients', label: 'Clients', icon: IconUsers },
  { to: '/settings/profile', label: 'Business profile', icon: IconBuildingStore },
  { to: '/settings/invoicing', label: 'Invoice settings', icon: IconAdjustments },
  { to: '/settings/backups', label: 'Backups', icon: IconDatabase },
  { to: '/settings/rates', label: 'Exchange rates', icon: IconArrowsExchange },
];

export function AppLayout() {
  const location = useLocation();
  return (
    <AppShell navbar={{ width: 232, breakpoint: 0 }} padding="xl" data-app-state="ready">
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <Group gap="xs" px="xs" py="sm" mb="sm">
          <ThemeIcon size={30} radius="md" variant="filled">
            <IconReceipt2 size={18} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            Billable
          </Text>
        </Group>
        <AppShell.Section grow component={ScrollArea}>
          {SECTIONS.map(({ to, label, icon: Icon }) => (
            <NavLink
              key={to}
              component={RouterLink}
              to={to}
              label={label}
              leftSection={<Icon size={18} stroke={1.7} />}
              active={location.pathname === to || location.pathname.startsWith(`${to}/`)}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <ThemeMenu />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <BackupNotice />
        <Routes>
          <Route path="/invoices" element={<InvoicesPage />} />
          <Route path="/invoices/new" element={<NewInvoicePage />} />
          <Route path="/invoices/:id" element={<InvoicePage />} />
          <Route path="/invoices/:id/edit" element={<InvoicePage edit />} />
          <Route path="/clients" element={<ClientsPage />} />
          <Route path="/clients/:id" element={<ClientDetailPage />} />
          <Route path="/settings/profile" element={<ProfilePage />} />
          <Route path="/settings/invoicing" element={<InvoicingSettingsPage />} />
          <Route path="/settings/backups" element={<BackupsPage />} />
          <Route path="/settings/rates" element={<RatesPage />} />
          <Route path="*" element={<Navigate to="/clients" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
