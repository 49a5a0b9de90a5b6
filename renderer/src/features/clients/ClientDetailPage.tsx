import { Anchor, Badge, Button, Card, Center, Grid, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconClock, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Client, Contact } from '../../../../shared/api/clients';
import { addressLines } from '../../../../shared/clients/address';
import { utcOffsetLabel } from '../../../../shared/reference/timezones';
import { taxNumberLabel } from '../../../../shared/tax/vat-number';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ClientContractsCard } from '../contracts/ClientContractsCard';
import { ClientTimelineCard } from './ClientTimelineCard';
import { BackLink } from '../../components/BackLink';
import { formatDate, formatLocalTime } from '../../components/dates';
import { InvoiceRows } from '../invoices/InvoiceRows';
import { PageHeader } from '../../components/PageHeader';
import { useNow } from '../../components/useNow';
import { useInvoiceListStore } from '../../stores/invoice-list';
import { ClientFormModal } from './ClientFormModal';
import { ContactFormModal } from './ContactFormModal';
import { RowMenu } from '../../components/RowMenu';
import { HiddenHeader } from '../../components/HiddenHeader';
import { formatMoney } from '../../components/format';

const CHECKED_BY = { 'check-digits': 'Check digits valid', format: 'Format checked', vies: 'Checked with VIES', hmrc: 'Checked with HMRC' } as const;

/** The evidence kept for the tax number, e.g. "Check digits valid, 22 Nov 2026". */
function taxNumberEvidence(check: NonNullable<Client['taxNumberCheck']>): string {
  return `${CHECKED_BY[check.method]}${check.result === 'invalid' ? ': not valid' : ''}, ${formatDate(check.checkedAt.slice(0, 10))}`;
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: 0.5 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function ContactsCard({ client }: { client: Client }) {
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const remove = useApiMutation('contacts.delete');
  const confirmDelete = (contact: Contact) =>
    modals.openConfirmModal({
      title: `Delete ${contact.name}?`,
      children: <Text size="sm">This removes the contact from {client.name}. Issued invoices keep the details they were issued with.</Text>,
      labels: { confirm: 'Delete contact', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: () => void remove.mutateAsync({ id: contact.id }).catch((e: Error) => notifications.show({ color: 'red', message: e.message })),
    });

  return (
    <Card>
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">Contacts</Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          Add contact
        </Button>
      </Group>
      {client.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No contacts yet. Add the person who receives invoices as the billing contact.
        </Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="contact-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Phone</Table.Th>
              <HiddenHeader label="Actions" w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {client.contacts.map((contact) => (
              <Table.Tr key={contact.id} data-testid="contact-row">
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {contact.name}
                    </Text>
                    {contact.isBilling && (
                      <Badge size="xs" variant="light" color="teal">
                        Billing
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{contact.role ?? '—'}</Text>
                </Table.Td>
                <Table.Td>{contact.email ? <Anchor size="sm" href={`mailto:${contact.email}`}>{contact.email}</Anchor> : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{contact.phone ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <RowMenu
                    label={`Actions for ${contact.name}`}
                    actions={[
                      { label: 'Edit', icon: <IconPencil size={14} />, onClick: () => setEditing(contact) },
                      { label: 'Delete', icon: <IconTrash size={14} />, color: 'red', onClick: () => confirmDelete(contact) },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <ContactFormModal clientId={client.id} {...(editing === 'new' ? {} : { contact: editing })} onClose={() => setEditing(null)} />}
    </Card>
  );
}

/** A client's page lists the newest few; the invoice list, filtered to the client, has the rest. */
const LATEST_INVOICES = 10;

function InvoicesCard({ client }: { client: Client }) {
  const navigate = useNavigate();
  const showAllInvoices = () => {
    const filters = useInvoiceListStore.getState();
    filters.reset();
    filters.set({ clientId: client.id });
    navigate('/invoices');
  };
  const invoices = useApiQuery('invoices.list', { clientId: client.id, limit: LATEST_INVOICES + 1 });
  return (
    <Card>
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">Invoices</Title>
        {!client.archived && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => navigate(`/invoices/new?client=${client.id}`)}>
            New invoice
          </Button>
        )}
      </Group>
      {invoices.isError ? (
        <ErrorPanel error={invoices.error} />
      ) : invoices.isPending ? (
        <Loader size="sm" />
      ) : invoices.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No invoices for {client.name} yet.
        </Text>
      ) : (
        <Table verticalSpacing="xs" highlightOnHover data-testid="client-invoices">
          <InvoiceRows invoices={invoices.data.slice(0, LATEST_INVOICES)} columns="client" />
        </Table>
      )}
      {invoices.data && invoices.data.length > LATEST_INVOICES && (
        <Anchor component="button" type="button" size="sm" mt="sm" onClick={showAllInvoices}>
          All invoices for {client.name}
        </Anchor>
      )}
    </Card>
  );
}

function ClientDetail({ client }: { client: Client }) {
  const now = useNow();
  const profile = useApiQuery('profile.get');
  const [editing, setEditing] = useState(false);
  const archive = useApiMutation('clients.setArchived');
  const totals = useApiQuery('invoices.totals', { clientId: client.id });
  const setArchived = async () => {
    try {
      await archive.mutateAsync({ id: client.id, archived: !client.archived });
      notifications.show({ message: client.archived ? `${client.name} is active again` : `${client.name} archived` });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
  /** Archiving a client who still owes money warns with the amount (per currency), so an unpaid invoice is not lost from view. */
  const toggleArchive = () => {
    const owed = (totals.data ?? []).filter((t) => t.outstanding > 0).map((t) => formatMoney({ amount: t.outstanding, currency: t.currency }));
    if (client.archived || owed.length === 0) {
      void setArchived();
      return;
    }
    modals.openConfirmModal({
      title: `Archive ${client.name}?`,
      children: (
        <Text size="sm">
          {client.name} still owes you {owed.join(' and ')}. Archiving hides the client from your lists and new invoices; the unpaid invoices stay open.
        </Text>
      ),
      labels: { confirm: 'Archive anyway', cancel: 'Keep active' },
      confirmProps: { color: 'red' },
      onConfirm: () => void setArchived(),
    });
  };
  const terms = client.paymentTermsDays ?? profile.data?.defaultPaymentTermsDays;

  return (
    <>
      <BackLink to="/clients" label="Clients" />
      <PageHeader
        title={client.name}
        badges={
          <>
            <Badge variant="light" color="gray" tt="none">
              {client.customerType === 'business' ? 'Business' : 'Consumer'}
            </Badge>
            {client.archived && (
              <Badge variant="filled" color="gray" data-testid="archived-badge">
                Archived
              </Badge>
            )}
          </>
        }
        subtitle={
          <Group gap={6} component="span">
            <IconClock size={14} />
            <span data-testid="client-local-time">
              {formatLocalTime(client.timezone, now)} local time · {client.timezone.replaceAll('_', ' ')} ({utcOffsetLabel(client.timezone, now)})
            </span>
          </Group>
        }
        actions={
          <>
            <Button variant="default" leftSection={client.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />} onClick={toggleArchive} loading={archive.isPending}>
              {client.archived ? 'Unarchive' : 'Archive'}
            </Button>
            <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              Edit
            </Button>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card>
            <Stack gap="md">
              <Title order={2} size="h4">Details</Title>
              <Detail label="Legal name">{client.legalName ?? client.name}</Detail>
              <Detail label="Address">
                {addressLines(client).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </Detail>
              <Detail label={taxNumberLabel(client.country)}>
                <div>{client.taxNumber ?? <Text span c="dimmed" size="sm">Not given</Text>}</div>
                {client.taxNumberCheck && (
                  <Text size="xs" c="dimmed" data-testid="tax-number-evidence">
                    {taxNumberEvidence(client.taxNumberCheck)}
                  </Text>
                )}
              </Detail>
              <Group grow>
                <Detail label="Currency">{client.currency}</Detail>
                <Detail label="Payment terms">
                  {terms === undefined ? '—' : `${terms} days`}
                  {client.paymentTermsDays === null && terms !== undefined && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (default)
                    </Text>
                  )}
                </Detail>
              </Group>
              {client.tags.length > 0 && (
                <Detail label="Tags">
                  <Group gap={4} mt={2}>
                    {client.tags.map((tag) => (
                      <Badge key={tag} size="sm" variant="light" radius="sm" tt="none">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                </Detail>
              )}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <InvoicesCard client={client} />
            <ClientContractsCard client={client} />
            <ContactsCard client={client} />
            <ClientTimelineCard client={client} />
            <Card>
              <Title order={2} size="h4" mb="sm">
                Notes
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={client.notes ? undefined : 'dimmed'}>
                {client.notes ?? 'No notes.'}
              </Text>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <ClientFormModal opened client={client} onClose={() => setEditing(false)} />}
    </>
  );
}

export function ClientDetailPage() {
  const id = Number(useParams().id);
  const client = useApiQuery('clients.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  if (!Number.isInteger(id) || id <= 0) return <ErrorPanel error={new Error('This client was not found.')} />;
  if (client.isPending) return <Center py="xl"><Loader /></Center>;
  if (client.isError) return <ErrorPanel error={client.error} title="Client not available" />;
  return <ClientDetail client={client.data} />;
}
