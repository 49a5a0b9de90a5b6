import type { BillingCycleKind, ContractStatus } from '../../../../shared/contracts/types';

export const BILLING_CYCLE_LABELS: Record<BillingCycleKind, string> = {
  weekly: 'Weekly',
  fortnightly: 'Every two weeks',
  'semi-monthly': 'Twice a month (1st and 16th)',
  monthly: 'Monthly',
  milestones: 'On milestones',
  completion: 'On completion',
};

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  signed: 'Signed',
  active: 'Active',
  ended: 'Ended',
  cancelled: 'Cancelled',
};
