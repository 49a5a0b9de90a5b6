import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { Lead, LeadListQuery } from '../../../../shared/api/leads';
import { SOURCE_LABELS } from '../../../../shared/leads/sources';
import { STAGE_LABELS } from '../../../../shared/leads/stages';
import { formatDate, formatDateTime, useToday } from '../../components/dates';
import { formatMoney, formatNumber } from '../../components/format';
import { isDue } from './lead-text';

type Sort = LeadListQuery['sort'];

const COLUMNS: { sort: Sort | null; label: string }[] = [
  { sort: 'title', label: 'Lead' },
  { sort: 'stage', label: 'Stage' },
  { sort: null, label: 'Source' },
  { sort: 'value', label: 'Estimate' },
  { sort: null, label: 'Overlap' },
  { sort: 'nextAction', label: 'Next action' },
  { sort: 'lastActivity', label: 'Last contact' },
];

/** Leads as a table; each sortable header toggles its direction, and the sort is the API's. */
export function LeadList({ leads, sort, direction, onSort }: { leads: Lead[]; sort: Sort; direction: 'asc' | 'desc'; onSort(sort: Sort, direction: 'asc' | 'desc'): void }) {
  const navigate = useNavigate();
  const today = useToday();
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table highlightOnHover verticalSpacing="sm" aria-label="Leads">
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <Table.Th key={c.label} aria-sort={c.sort === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                {c.sort ? (
                  <UnstyledButton onClick={() => onSort(c.sort!, c.sort === sort && direction === 'asc' ? 'desc' : 'asc')} fw={600} fz="sm">
                    <Group gap={4} wrap="nowrap">
                      {c.label}
                      {c.sort === sort && (direction === 'asc' ? <IconArrowUp size={14} aria-hidden /> : <IconArrowDown size={14} aria-hidden />)}
                    </Group>
                  </UnstyledButton>
                ) : (
                  c.label
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((lead) => (
            <Table.Tr key={lead.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => navigate(`/leads/${lead.id}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/leads/${lead.id}`)} data-testid="lead-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {lead.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {[lead.organisation, lead.contactName].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{STAGE_LABELS[lead.stage]}</Text>
                  {lead.stale && (
                    <Badge size="xs" color="orange" variant="light">
                      Stale
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{SOURCE_LABELS[lead.source]}</Text>
                  {lead.recruiter && lead.source !== 'recruiter' && (
                    <Badge size="xs" color="grape" variant="light">
                      Recruiter
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                {lead.estimateMinor !== null && lead.currency ? formatMoney({ amount: lead.estimateMinor, currency: lead.currency }) : '—'}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{lead.overlapMinutes === null ? '—' : `${formatNumber(lead.overlapMinutes / 60, { maximumFractionDigits: 1 })} h`}</Table.Td>
              <Table.Td>
                {lead.nextAction ? (
                  <Text size="sm" c={isDue(lead, today) ? 'red' : undefined} fw={isDue(lead, today) ? 600 : undefined}>
                    {lead.nextAction}
                    {lead.nextActionDue && <span style={{ whiteSpace: 'nowrap' }}> · {formatDate(lead.nextActionDue)}</span>}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDateTime(lead.lastActivityAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
