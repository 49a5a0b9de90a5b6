import { Badge } from '@mantine/core';
import type { ContractStatus } from '../../../../shared/contracts/types';
import { CONTRACT_STATUS_LABELS } from './labels';

const COLORS: Record<ContractStatus, string> = { draft: 'gray', sent: 'blue', signed: 'indigo', active: 'teal', ended: 'dark', cancelled: 'red' };

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="contract-status">
      {CONTRACT_STATUS_LABELS[status]}
    </Badge>
  );
}
