import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { describeRate } from '../../components/format';

/**
 * "From contract C-0007: $300/h list, 10% retained, $270/h": why an invoice is priced as it is,
 * on the invoice that was started from a contract.
 */
export function ContractLink({ contractId }: { contractId: number }) {
  const contract = useApiQuery('contracts.get', { id: contractId });
  if (!contract.data) return null;
  const c = contract.data;
  const terms = c.versions.find((v) => v.id === c.current) ?? c.versions.at(-1)!;
  return (
    <Text component="span" display="block" size="sm" c="dimmed" data-testid="invoice-contract">
      From contract{' '}
      <Anchor component={Link} to={`/contracts/${c.id}`} size="sm">
        {c.reference}
      </Anchor>{' '}
      ({terms.title}): {describeRate(terms.rate)}
    </Text>
  );
}
