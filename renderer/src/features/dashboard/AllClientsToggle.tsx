import { Button } from '@mantine/core';
import { TOP_CLIENTS } from '../../../../shared/api/dashboard';
import { formatNumber } from '../../components/format';

/** Below a client table: "Show all N clients" when it holds the top ones only, and back. */
export function AllClientsToggle({ count, allClients, onAllClients }: { count: number; allClients: boolean; onAllClients(all: boolean): void }) {
  if (count <= TOP_CLIENTS) return null;
  return (
    <Button variant="subtle" size="xs" mt="xs" onClick={() => onAllClients(!allClients)}>
      {allClients ? `Show the top ${TOP_CLIENTS}` : `Show all ${formatNumber(count)} clients`}
    </Button>
  );
}
