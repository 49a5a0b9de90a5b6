import type { MantineColor } from '@mantine/core';
import type { Proposal } from '../../../../shared/api/proposals';

/** A proposal's status as a badge: an expired draft or sent one reads "Expired". */
export function proposalBadge(p: Pick<Proposal, 'status' | 'expired'>): { label: string; color: MantineColor } {
  if (p.expired) return { label: 'Expired', color: 'orange' };
  return { draft: { label: 'Draft', color: 'gray' }, sent: { label: 'Sent', color: 'blue' }, accepted: { label: 'Accepted', color: 'teal' }, declined: { label: 'Declined', color: 'red' } }[p.status];
}
