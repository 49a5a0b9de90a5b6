import { AppShell, Burger, Center, Group, Loader, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { IconAdjustments, IconArrowsExchange, IconLayoutDashboard, IconBuildingStore, IconCalendarCheck, IconCalendarDue, IconClockHour4, IconDatabase, IconFileCertificate, IconFileInvoice, IconReceipt, IconReceipt2, IconReceiptTax, IconTags, IconTargetArrow, IconUsers } from '@tabler/icons-react';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Navigate, NavLink as RouterLink, Route, Routes, useLocation } from 'react-router';
import { EmlDropHandler } from '../features/lead-import/EmlDropHandler';
import { BackupNotice } from '../features/recovery/BackupNotice';
import { ReminderScheduler } from '../features/intro-calls/ReminderScheduler';
import { CommandPalette } from '../features/search/CommandPalette';
import { TimerBar } from '../features/time/TimerBar';
import { useDialogFocusReturn, useFocusHeadingOnNavigate } from './focus';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { SkipLink } from './SkipLink';
import { ThemeMenu } from './ThemeMenu';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

// Each screen is its own chunk, so the window's first script holds only the shell.
const screens = {
  invoices: () => import('../features/invoices/InvoicesPage'),
  invoice: () => import('../features/invoices/InvoicePage'),
  clients: () => import('../features/clients/ClientsPage'),
  client: () => import('../features/clients/ClientDetailPage'),
  contracts: () => import('../features/contracts/ContractsPage'),
  contract: () => import('../features/contracts/ContractPage'),
  billing: () => import('../features/billing/BillingRunPage'),
  expenses: () => import('../features/expenses/ExpensesPage'),
  profile: () => import('../features/profile/ProfilePage'),
  invoicing: () => import('../features/settings/InvoicingSettingsPage'),
  rateCards: () => import('../features/rate-cards/RateCardsPage'),
  backups: () => import('../features/settings/BackupsPage'),
  rates: () => import('../features/rates/RatesPage'),
  time: () => import('../features/time/TimePage'),
  today: () => import('../features/today/TodayPage'),
  dashboard: () => import('../features/dashboard/DashboardPage'),
  vatReturns: () => import('../features/vat-returns/VatReturnsPage'),
  vatReturn: () => import('../features/vat-returns/VatReturnPage'),
  vatSummary: () => import('../features/vat-returns/VatSummaryPage'),
  leads: () => import('../features/leads/LeadsPage'),
  lead: () => import('../features/leads/LeadPage'),
  leadSettings: () => import('../features/leads/LeadSettingsPage'),
};
const InvoicesPage = lazy(() => screens.invoices().then((m) => ({ default: m.InvoicesPage })));
const InvoicePage = lazy(() => screens.invoice().then((m) => ({ default: m.InvoicePage })));
const NewInvoicePage = lazy(() => screens.invoice().then((m) => ({ default: m.NewInvoicePage })));
const ClientsPage = lazy(() => screens.clients().then((m) => ({ default: m.ClientsPage })));
const ClientDetailPage = lazy(() => screens.client().then((m) => ({ default: m.ClientDetailPage })));
const ContractsPage = lazy(() => screens.contracts().then((m) => ({ default: m.ContractsPage })));
const ContractPage = lazy(() => screens.contract().then((m) => ({ default: m.ContractPage })));
const ExpensesPage = lazy(() => screens.expenses().then((m) => ({ default: m.ExpensesPage })));
const NewContractPage = lazy(() => screens.contract().then((m) => ({ default: m.NewContractPage })));
const BillingRunPage = lazy(() => screens.billing().then((m) => ({ default: m.BillingRunPage })));
const EditContractPage = lazy(() => screens.contract().then((m) => ({ default: m.EditContractPage })));
const ProfilePage = lazy(() => screens.profile().then((m) => ({ default: m.ProfilePage })));
const InvoicingSettingsPage = lazy(() => screens.invoicing().then((m) => ({ default: m.InvoicingSettingsPage })));
const RateCardsPage = lazy(() => screens.rateCards().then((m) => ({ default: m.RateCardsPage })));
const BackupsPage = lazy(() => screens.backups().then((m) => ({ default: m.BackupsPage })));
const RatesPage = lazy(() => screens.rates().then((m) => ({ default: m.RatesPage })));
const TimePage = lazy(() => screens.time().then((m) => ({ default: m.TimePage })));
const TodayPage = lazy(() => screens.today().then((m) => ({ default: m.TodayPage })));
const DashboardPage = lazy(() => screens.dashboard().then((m) => ({ default: m.DashboardPage })));
const VatReturnsPage = lazy(() => screens.vatReturns().then((m) => ({ default: m.VatReturnsPage })));
const VatReturnPage = lazy(() => screens.vatReturn().then((m) => ({ default: m.VatReturnPage })));
const VatSummaryPage = lazy(() => screens.vatSummary().then((m) => ({ default: m.VatSummaryPage })));
const LeadsPage = lazy(() => screens.leads().then((m) => ({ default: m.LeadsPage })));
const LeadPage = lazy(() => screens.lead().then((m) => ({ default: m.LeadPage })));
const LeadSettingsPage = lazy(() => screens.leadSettings().then((m) => ({ default: m.LeadSettingsPage })));

/** A local chunk usually arrives within a frame or two; a spinner that blinks for that long is worse than nothing. */
const FALLBACK_DELAY_MS = 300;

/**
 * Shown only on the first screen of a run (navigation is a transition, so React keeps the
 * previous screen until the next one is ready): empty at first, then the same spinner in the
 * same place as a page waiting for its data, so nothing jumps when the page arrives.
 */
function ScreenFallback() {
  const [show, setShow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShow(true), FALLBACK_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return show ? (
    <Center py="xl">
      <Loader />
    </Center>
  ) : null;
}

/** Only the sections that exist are listed. */
const SECTIONS = [
  { to: '/today', label: 'Today', icon: IconCalendarCheck },
  { to: '/dashboard', label: 'Dashboard', icon: IconLayoutDashboard },
  { to: '/leads', label: 'Leads', icon: IconTargetArrow },
  { to: '/invoices', label: 'Invoices', icon: IconFileInvoice },
  { to: '/clients', label: 'Clients', icon: IconUsers },
  { to: '/contracts', label: 'Contracts', icon: IconFileCertificate },
  { to: '/time', label: 'Time', icon: IconClockHour4 },
  { to: '/expenses', label: 'Expenses', icon: IconReceipt },
  { to: '/billing', label: 'Billing run', icon: IconCalendarDue },
  { to: '/vat-returns', label: 'VAT returns', icon: IconReceiptTax },
  { to: '/settings/profile', label: 'Business profile', icon: IconBuildingStore },
  { to: '/settings/invoicing', label: 'Invoice settings', icon: IconAdjustments },
  { to: '/settings/leads', label: 'Lead settings', icon: IconTargetArrow },
  { to: '/settings/rate-cards', label: 'Rate cards', icon: IconTags },
  { to: '/settings/backups', label: 'Backups', icon: IconDatabase },
  { to: '/settings/rates', label: 'Exchange rates', icon: IconArrowsExchange },
];

export function AppLayout() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  // Below the md breakpoint the sidebar is hidden behind a burger; choosing a screen closes it again.
  const [navOpen, nav] = useDisclosure(false);
  useFocusHeadingOnNavigate(main);
  useDialogFocusReturn();
  // Once the first screen is up, fetch the others while the window is idle, so moving between screens never waits.
  useEffect(() => {
    const id = requestIdleCallback(() => Object.values(screens).forEach((load) => void load()));
    return () => cancelIdleCallback(id);
  }, []);
  return (
    <AppShell layout="alt" header={{ height: 60 }} navbar={{ width: { base: 232, md: 208, xl: 232 }, breakpoint: 'md', collapsed: { mobile: !navOpen } }} padding={{ base: 'md', lg: 'xl' }} data-app-state="ready">
      <SkipLink main={main} />
      <CommandPalette sections={SECTIONS} />
      <AppShell.Header>
        <Group h="100%" wrap="nowrap" gap={0}>
          <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="md" size="sm" ml="md" aria-label={navOpen ? 'Close navigation' : 'Open navigation'} aria-expanded={navOpen} aria-controls="main-navigation" />
          <TimerBar />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation" id="main-navigation">
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
              onClick={nav.close}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <KeyboardShortcuts />
          <ThemeMenu />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main ref={main} id="main-content" tabIndex={-1}>
        <BackupNotice />
        <EmlDropHandler />
        <ReminderScheduler />
        <UnsavedChangesGuard />
        <Suspense fallback={<ScreenFallback />}>
          <Routes>
            <Route path="/today" element={<TodayPage />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/leads" element={<LeadsPage />} />
            <Route path="/leads/new" element={<LeadsPage create />} />
            <Route path="/leads/:id" element={<LeadPage />} />
            <Route path="/settings/leads" element={<LeadSettingsPage />} />
            <Route path="/invoices" element={<InvoicesPage />} />
            <Route path="/invoices/new" element={<NewInvoicePage />} />
            <Route path="/invoices/:id" element={<InvoicePage />} />
            <Route path="/invoices/:id/edit" element={<InvoicePage edit />} />
            <Route path="/clients" element={<ClientsPage />} />
            <Route path="/clients/:id" element={<ClientDetailPage />} />
            <Route path="/contracts" element={<ContractsPage />} />
            <Route path="/contracts/new" element={<NewContractPage />} />
            <Route path="/contracts/:id" element={<ContractPage />} />
            <Route path="/contracts/:id/edit" element={<EditContractPage />} />
            <Route path="/time" element={<TimePage />} />
            <Route path="/expenses" element={<ExpensesPage />} />
            <Route path="/billing" element={<BillingRunPage />} />
            <Route path="/vat-returns" element={<VatReturnsPage />} />
            <Route path="/vat-returns/summary" element={<VatSummaryPage />} />
            <Route path="/vat-returns/:start" element={<VatReturnPage />} />
            <Route path="/settings/profile" element={<ProfilePage />} />
            <Route path="/settings/invoicing" element={<InvoicingSettingsPage />} />
            <Route path="/settings/rate-cards" element={<RateCardsPage />} />
            <Route path="/settings/backups" element={<BackupsPage />} />
            <Route path="/settings/rates" element={<RatesPage />} />
            <Route path="*" element={<Navigate to="/clients" replace />} />
          </Routes>
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
