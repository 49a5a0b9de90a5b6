import { Button, Card, Group, Select, Table, Text } from '@mantine/core';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ContractSummary } from '../../../../shared/api/contracts';
import { CONTRACT_STATUSES, type ContractStatus } from '../../../../shared/contracts/types';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { ClientSelect } from '../clients/ClientSelect';
import { ContractStatusBadge } from './ContractStatusBadge';
import { BILLING_CYCLE_LABELS, CONTRACT_STATUS_LABELS } from './labels';
import { describeRate } from '../../components/format';

/** Contracts: every engagement, newest first, filtered by status and client. */
export function ContractsPage() {
  const navigate = useNavigate();
  const [status, setStatus] = useState<ContractStatus | null>(null);
  const [clientId, setClientId] = useState<string | null>(null);
  const contracts = useApiQuery('contracts.list', { status, clientId: clientId === null ? null : Number(clientId) });
  const filtered = status !== null || clientId !== null;
  return (
    <>
      <PageHeader
        title="Contracts"
        subtitle="Your engagements: the rate, the discount, the billing cycle and the terms each client signed."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/contracts/new')}>
            New contract
          </Button>
        }
      />
      <Group mb="md">
        <Select label="Status" placeholder="All statuses" clearable w={200} data={CONTRACT_STATUSES.map((s) => ({ value: s, label: CONTRACT_STATUS_LABELS[s] }))} value={status} onChange={(v) => setStatus(v as ContractStatus | null)} />
        <ClientSelect label="Client" placeholder="All clients" clearable w={280} status="all" value={clientId} onChange={setClientId} />
      </Group>
      {contracts.isError ? (
        <ErrorPanel error={contracts.error} />
      ) : contracts.data?.length === 0 ? (
        <Card>
          {filtered ? (
            <EmptyState icon={<IconFileCertificate size={24} />} title="No contracts match these filters" description="Clear a filter to see more." />
          ) : (
            <EmptyState
              icon={<IconFileCertificate size={24} />}
              title="No contracts yet"
              description="A contract holds the rate, discount, billing cycle and terms of an engagement. Invoices can start from it."
              action={<Button onClick={() => navigate('/contracts/new')}>New contract</Button>}
            />
          )}
        </Card>
      ) : (
        <Card padding={0}>
          <ContractTable contracts={contracts.data ?? []} />
        </Card>
      )}
    </>
  );
}

/** The contracts table, shared by the Contracts page and the client page. */
export function ContractTable({ contracts, showClient = true }: { contracts: ContractSummary[]; showClient?: boolean }) {
  const navigate = useNavigate();
  return (
    // Narrow windows scroll the table sideways rather than cutting badges and dates.
    <Table.ScrollContainer minWidth={showClient ? 900 : 620} type="native">
    <Table highlightOnHover verticalSpacing="sm" aria-label="Contracts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Contract</Table.Th>
          {showClient && <Table.Th>Client</Table.Th>}
          <Table.Th>Status</Table.Th>
          <Table.Th>Rate</Table.Th>
          <Table.Th>Billing</Table.Th>
          <Table.Th>Term</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {contracts.map((c) => (
          <Table.Tr key={c.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => navigate(`/contracts/${c.id}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/contracts/${c.id}`)} data-testid="contract-row">
            <Table.Td>
              <Text size="sm" fw={600}>
                {c.title}
              </Text>
              <Text size="xs" c="dimmed">
                {c.reference}
              </Text>
            </Table.Td>
            {showClient && <Table.Td>{c.clientName}</Table.Td>}
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <ContractStatusBadge status={c.status} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" className="tabular">
                {describeRate(c.rate)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {BILLING_CYCLE_LABELS[c.billingCycle]}
              </Text>
              {c.nextBillingDate && (
                <Text size="xs" c="dimmed">
                  Next {formatDate(c.nextBillingDate)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(c.startDate)} – {c.endDate ? formatDate(c.endDate) : 'open-ended'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
    </Table.ScrollContainer>
  );
}
