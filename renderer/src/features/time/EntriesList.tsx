import { Badge, Button, Group, Modal, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconClockHour4, IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { timeFilter, type TimeEntry, type TimeFilter } from '../../../../shared/api/time';
import { formatDuration } from '../../../../shared/time/duration';
import { wallTimeAt } from '../../../../shared/time/instants';
import { useApiMutation, useApiPages, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { FormError } from '../../components/FormError';
import { ModalFooter } from '../../components/ModalFooter';
import { PagedListCard } from '../../components/PagedListCard';
import { RowMenu } from '../../components/RowMenu';
import { WindowedTableBody } from '../../components/WindowedTableBody';
import { EntryModal } from './EntryModal';
import { useBusinessZone, useTimeableContracts } from './time-hooks';
import { useTimeListStore } from './time-list-store';
import { HiddenHeader } from '../../components/HiddenHeader';
import { formatNumber } from '../../components/format';
import { DateField } from '../../components/DateField';

/** Every entry row is one line of text, drawn this tall (px), so the list need not measure rows as they scroll in. */
const ENTRY_ROW_HEIGHT = 45;

function BillingBadge({ billing }: { billing: TimeEntry['billing'] }) {
  if (billing.state === 'unbilled') return <Badge variant="light" color="gray" style={{ minWidth: 'max-content' }}>Unbilled</Badge>;
  if (billing.state === 'draft') return <Badge variant="light" color="yellow" style={{ minWidth: 'max-content' }}>On draft</Badge>;
  return (
    <Badge variant="light" color="teal" style={{ minWidth: 'max-content' }}>
      {billing.invoiceNumber}
    </Badge>
  );
}

function EntryRow({ entry, zone, onEdit, onDelete }: { entry: TimeEntry; zone: string; onEdit(): void; onDelete(): void }) {
  const locked = entry.billing.state !== 'unbilled';
  return (
    <Table.Tr style={{ height: ENTRY_ROW_HEIGHT }} data-testid="time-entry-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(entry.workDate)}</Table.Td>
      <Table.Td maw={260}>
        <Text size="sm" truncate="end" title={`${entry.contractReference} · ${entry.contractTitle} — ${entry.clientName}`}>
          {entry.contractTitle} <Text span c="dimmed" size="xs">{entry.clientName}</Text>
        </Text>
      </Table.Td>
      <Table.Td className="tabular" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {entry.startedAt && entry.endedAt ? `${wallTimeAt(entry.startedAt, zone)}–${wallTimeAt(entry.endedAt, zone)}` : '—'}
      </Table.Td>
      <Table.Td ta="right" className="tabular" fw={600}>
        {formatDuration(entry.durationSeconds ?? 0)}
      </Table.Td>
      <Table.Td maw={320}>
        <Text size="sm" truncate="end" title={entry.note || undefined} c={entry.note ? undefined : 'dimmed'}>
          {entry.note || '—'}
        </Text>
      </Table.Td>
      <Table.Td>{entry.billable ? 'Billable' : <Text span c="dimmed" size="sm">Non-billable</Text>}</Table.Td>
      <Table.Td>
        <BillingBadge billing={entry.billing} />
      </Table.Td>
      <Table.Td w={48}>
        {locked ? (
          <Tooltip label={entry.billing.state === 'draft' ? 'On a draft invoice: delete the draft (or its line) to change it' : `On invoice ${entry.billing.invoiceNumber}: it can't change`}>
            <IconLock size={16} aria-label="Locked by its invoice" style={{ opacity: 0.6 }} />
          </Tooltip>
        ) : (
          <RowMenu
            label={`Actions for the entry on ${formatDate(entry.workDate)}`}
            actions={[
              { label: 'Edit', icon: <IconPencil size={14} />, onClick: onEdit },
              { label: 'Delete', icon: <IconTrash size={14} />, onClick: onDelete, color: 'red' },
            ]}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function DeleteEntryModal({ entry, onClose }: { entry: TimeEntry; onClose(): void }) {
  const remove = useApiMutation('time.delete');
  return (
    <Modal opened onClose={onClose} title={<Text fw={650} size="lg">Delete this time entry?</Text>}>
      <Stack>
        <Text size="sm">
          {formatDuration(entry.durationSeconds ?? 0)} on {entry.contractTitle}, {formatDate(entry.workDate)}. This can't be undone.
        </Text>
        <FormError error={remove.error} />
        <ModalFooter action="Delete entry" color="red" onCancel={onClose} loading={remove.isPending} onAction={() => remove.mutate({ id: entry.id }, { onSuccess: onClose })} />
      </Stack>
    </Modal>
  );
}

function Filters({ errors }: { errors: { from?: string; to?: string } }) {
  const filters = useTimeListStore();
  const { options } = useTimeableContracts();
  return (
    <Group mb="md" gap="sm" align="flex-end">
      <DateField label="From" w={160} value={filters.from} error={errors.from} onChange={(value) => filters.set({ from: value })} />
      <DateField label="To" w={160} value={filters.to} error={errors.to} onChange={(value) => filters.set({ to: value })} />
      <Select label="Contract" w={280} clearable searchable placeholder="All contracts" data={options} value={filters.contractId ? String(filters.contractId) : null} onChange={(v) => filters.set({ contractId: v ? Number(v) : null })} />
      <Select
        label="Billable"
        w={150}
        allowDeselect={false}
        value={filters.billable}
        onChange={(v) => filters.set({ billable: (v ?? 'all') as 'all' })}
        data={[
          { value: 'all', label: 'All time' },
          { value: 'billable', label: 'Billable' },
          { value: 'non-billable', label: 'Non-billable' },
        ]}
      />
      <Select
        label="Billing"
        w={150}
        allowDeselect={false}
        value={filters.state}
        onChange={(v) => filters.set({ state: (v ?? 'all') as 'all' })}
        data={[
          { value: 'all', label: 'All' },
          { value: 'unbilled', label: 'Unbilled' },
          { value: 'draft', label: 'On a draft' },
          { value: 'invoiced', label: 'Invoiced' },
        ]}
      />
      {(filters.from || filters.to || filters.contractId || filters.billable !== 'all' || filters.state !== 'all') && (
        <Button variant="subtle" onClick={filters.reset}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

function EntryTable({ filter, onLog }: { filter: TimeFilter; onLog(): void }) {
  const entries = useApiPages('time.list', filter);
  const zone = useBusinessZone();
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);
  const filtered = filter.from !== null || filter.to !== null || filter.contractId !== null || filter.billable !== 'all' || filter.state !== 'all';
  return (
    <>
      <PagedListCard
        list={entries}
        empty={
          <EmptyState
            icon={<IconClockHour4 size={24} />}
            title={filtered ? 'No time entries match these filters' : 'No time logged yet'}
            description={filtered ? 'Change or clear the filters above to see more.' : 'Start the timer at the top of the window, type hours into the week above, or log time by hand.'}
            action={filtered ? undefined : <Button onClick={onLog}>Log time</Button>}
          />
        }
      >
        {(rows) => (
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="time-entries" aria-busy={entries.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Contract</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th ta="right">Hours</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th>Billable</Table.Th>
                <Table.Th>Billing</Table.Th>
                <HiddenHeader label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <WindowedTableBody
              rows={rows}
              rowKey={(entry) => entry.id}
              renderRow={(entry) => <EntryRow entry={entry} zone={zone} onEdit={() => setEditing(entry)} onDelete={() => setDeleting(entry)} />}
              estimateSize={ENTRY_ROW_HEIGHT}
              columns={8}
              noun="time entries"
              loadMore={entries.loadMore}
              loadingMore={entries.isFetchingNextPage}
            />
          </Table>
        )}
      </PagedListCard>
      {editing && <EntryModal entry={editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteEntryModal entry={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

/** The entries list: filters, totals over everything they match, and the entries paged in SQL as the user scrolls. */
export function EntriesList({ onLog }: { onLog(): void }) {
  const filters = useTimeListStore();
  // A half-typed date or a period out of order shows at its field; the list keeps the last filter that holds.
  const checked = timeFilter.safeParse({ from: filters.from || null, to: filters.to || null, contractId: filters.contractId, billable: filters.billable, state: filters.state });
  const [filter, setFilter] = useState(() => checked.data ?? timeFilter.parse(undefined));
  if (checked.success && JSON.stringify(checked.data) !== JSON.stringify(filter)) setFilter(checked.data);
  const errors = Object.fromEntries((checked.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
  const totals = useApiQuery('time.totals', filter, { placeholderData: keepPreviousData });
  return (
    <>
      <Filters errors={errors} />
      {totals.data && (
        <Group gap="lg" mb="sm" data-testid="time-totals">
          <Text size="sm" c="dimmed">
            {formatNumber(totals.data.count)} {totals.data.count === 1 ? 'entry' : 'entries'}
          </Text>
          <Text size="sm" fw={600} className="tabular">
            {formatDuration(totals.data.seconds)} h
          </Text>
          <Text size="sm" className="tabular">
            {formatDuration(totals.data.billableSeconds)} h billable
          </Text>
          <Text size="sm" c="dimmed" className="tabular">
            {formatDuration(totals.data.seconds - totals.data.billableSeconds)} h non-billable
          </Text>
        </Group>
      )}
      <EntryTable filter={filter} onLog={onLog} />
    </>
  );
}
