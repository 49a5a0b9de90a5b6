import { Badge } from '@mantine/core';
import type { ContractStatus } from '../../../../shared/contracts/types';
import { CONTRACT_STATUS_LABELS } from './labels';

const COLORS: Record<ContractStatus, string> = { draft: 'gray', sent: 'blue', signed: 'indigo', active: 'teal', ended: 'dark', cancelled: 'red' };

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  return (
    // Never narrower than its word: a squeezed table column must not turn SIGNED into SIGN….
    <Badge color={COLORS[status]} variant="light" data-testid="contract-status" style={{ minWidth: 'max-content' }}>
      {CONTRACT_STATUS_LABELS[status]}
    </Badge>
  );
}
