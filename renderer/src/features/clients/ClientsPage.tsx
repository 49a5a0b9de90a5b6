import { Badge, Button, Group, SegmentedControl, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { SCREEN_SEARCH } from '../../app/shortcuts';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconPlus, IconSearch, IconSelector, IconUsers } from '@tabler/icons-react';
import { memo, useState, type Ref } from 'react';
import { useNavigate } from 'react-router';
import { clientListQuery, type ClientSummary } from '../../../../shared/api/clients';
import { countryName } from '../../../../shared/reference/countries';
import { formatLocalTime } from '../../components/dates';
import { useApiPages, useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { PagedListCard } from '../../components/PagedListCard';
import { PageHeader } from '../../components/PageHeader';
import { useNow } from '../../components/useNow';
import { useOpenRow } from '../../components/useOpenRow';
import { WindowedTableBody } from '../../components/WindowedTableBody';
import { useClientListStore, type ClientSort, type ClientStatusFilter } from '../../stores/client-list';
import { ClientFormModal } from './ClientFormModal';
import { fieldMaxLength } from '../../forms/max-length';
import { formatNumber } from '../../components/format';

function SortHeader({ sort, label }: { sort: ClientSort; label: string }) {
  const { sort: current, direction, sortBy } = useClientListStore();
  const Icon = current !== sort ? IconSelector : direction === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th aria-sort={current === sort ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => sortBy(sort)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} stroke={1.6} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** One client row; memoised, so scrolling draws only the rows that come into view. */
const ClientRow = memo(function ClientRow({ client, now, ref, index }: { client: ClientSummary; now: Date; ref: Ref<HTMLTableRowElement>; index: number }) {
  const openRow = useOpenRow(`/clients/${client.id}`);
  return (
    <Table.Tr
      ref={ref}
      data-index={index}
      {...openRow}
      data-testid="client-row"
      aria-label={client.name}
    >
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text fw={600} size="sm">
            {client.name}
          </Text>
          {client.archived && (
            <Badge size="xs" color="gray" variant="light">
              Archived
            </Badge>
          )}
        </Group>
        {client.legalName && client.legalName !== client.name && (
          <Text size="xs" c="dimmed">
            {client.legalName}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {countryName(client.country)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {formatLocalTime(client.timezone, now)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{client.currency}</Text>
      </Table.Td>
      <Table.Td>
        {client.billingContact ? (
          <>
            <Text size="sm">{client.billingContact.name}</Text>
            {client.billingContact.email && (
              <Text size="xs" c="dimmed">
                {client.billingContact.email}
              </Text>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {client.contactCount === 0 ? 'No contacts' : `${client.contactCount} contact${client.contactCount === 1 ? '' : 's'}`}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {client.tags.map((tag) => (
            <Badge key={tag} size="sm" variant="light" radius="sm" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
});

/** The client list with no rows: nothing matches the search, no archived clients, or none yet (with a button to add one). */
function NoClients({ searching, status, onCreate }: { searching: boolean; status: ClientStatusFilter; onCreate(): void }) {
  return (
    <EmptyState
      icon={<IconUsers size={24} />}
      title={searching ? 'No clients match your search' : status === 'archived' ? 'No archived clients' : 'No clients yet'}
      description={searching ? 'Try a different name, tag, email or VAT number.' : 'Add the businesses and people you work for. Their details fill in your invoices.'}
      action={
        !searching &&
        status !== 'archived' && (
          <Button mt="xs" leftSection={<IconPlus size={16} />} onClick={onCreate}>
            New client
          </Button>
        )
      }
    />
  );
}

export function ClientsPage() {
  const { search, status, sort, direction, setSearch, setStatus } = useClientListStore();
  const [debouncedSearch] = useDebouncedValue(search, 200);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const now = useNow();
  useApiQuery('profile.get');
  const clients = useApiPages('clients.list', { search: debouncedSearch, status, sort, direction });

  return (
    <>
      <PageHeader
        title="Clients"
        subtitle="The businesses and people you bill."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New client
          </Button>
        }
      />
      <Group mb="md" justify="space-between">
        <TextInput
          placeholder="Search name, tag, contact, email, VAT number…"
          aria-label="Search clients"
          {...SCREEN_SEARCH}
          maxLength={fieldMaxLength(clientListQuery, 'search')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={380}
        />
        <SegmentedControl
          aria-label="Show clients"
          value={status}
          onChange={(v) => setStatus(v as ClientStatusFilter)}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'archived', label: 'Archived' },
            { value: 'all', label: 'All' },
          ]}
        />
      </Group>
      <PagedListCard list={clients} empty={<NoClients searching={debouncedSearch.trim() !== ''} status={status} onCreate={() => setCreating(true)} />}>
        {(rows) => (
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="client-table" aria-busy={clients.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <SortHeader sort="name" label="Name" />
                <SortHeader sort="country" label="Country" />
                <Table.Th style={{ whiteSpace: 'nowrap' }}>Local time</Table.Th>
                <Table.Th>Currency</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>Billing contact</Table.Th>
                <Table.Th>Tags</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {/* Rows differ in height (a legal name, a contact's email), so each is measured. */}
            <WindowedTableBody
              rows={rows}
              rowKey={(client) => client.id}
              renderRow={(client, index, measure) => <ClientRow client={client} now={now} ref={measure} index={index} />}
              estimateSize={58}
              columns={6}
              noun="clients"
              loadMore={clients.loadMore}
              loadingMore={clients.isFetchingNextPage}
            />
          </Table>
        )}
      </PagedListCard>
      {clients.rows && clients.rows.length > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          {clients.hasNextPage
            ? `The first ${formatNumber(clients.rows.length)} clients; more load as you scroll`
            : `${formatNumber(clients.rows.length)} client${clients.rows.length === 1 ? '' : 's'}`}
        </Text>
      )}
      {creating && <ClientFormModal opened onClose={() => setCreating(false)} onSaved={(c) => navigate(`/clients/${c.id}`)} />}
    </>
  );
}
