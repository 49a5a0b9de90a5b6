import { Button, Card, Group, Loader, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { Client } from '../../../../shared/api/clients';
import { useApiQuery } from '../../api/hooks';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ContractTable } from './ContractsPage';

/** The contract section of a client's page: every contract with the client, and a way to start one. */
export function ClientContractsCard({ client }: { client: Client }) {
  const navigate = useNavigate();
  const contracts = useApiQuery('contracts.list', { status: null, clientId: client.id });
  return (
    <Card>
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">Contracts</Title>
        {!client.archived && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => navigate(`/contracts/new?client=${client.id}`)}>
            New contract
          </Button>
        )}
      </Group>
      {contracts.isError ? (
        <ErrorPanel error={contracts.error} />
      ) : contracts.isPending ? (
        <Loader size="sm" />
      ) : contracts.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No contracts with {client.name} yet.
        </Text>
      ) : (
        <ContractTable contracts={contracts.data} showClient={false} />
      )}
    </Card>
  );
}
