import { Anchor, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { contract } from '../../../../shared/api/contract';
import type { VatSourcesPage } from '../../../../shared/api/vat-return';
import type { Box } from '../../../../shared/vat-return/boxes';
import { call, type ApiCallError } from '../../api/client';
import { formatDate } from '../../components/dates';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatMoney } from '../../components/format';

/** Records listed per page: a box can hold thousands in a busy quarter. */
const PAGE = 100;

const KIND_LABELS = { invoice: 'Invoice', 'credit-note': 'Credit note', payment: 'Payment', reversal: 'Payment removed', expense: 'Expense' } as const;

type Source = VatSourcesPage['sources'][number];

/** Where a record lives in the app; expenses and payments are listed on their own pages. */
function recordLink(ref: Source['ref']): string | null {
  return ref.kind === 'invoice' || ref.kind === 'credit-note' ? `/invoices/${ref.id}` : null;
}

/**
 * The records behind one box of a return, read when the box is opened, a page at a time: each
 * invoice or credit note links to it; amounts are the record's share in pence, before boxes 6–9
 * drop their pence.
 */
export function BoxRecords({ periodStart, box, limitedCostTrader }: { periodStart: string; box: Box; limitedCostTrader: boolean }) {
  const input = { periodStart, box, limitedCostTrader };
  const query = useInfiniteQuery<VatSourcesPage, ApiCallError, { pages: VatSourcesPage[] }, unknown[], number>({
    queryKey: [contract['vatReturns.sources'].family, 'vatReturns.sources', input],
    queryFn: ({ pageParam }) => call('vatReturns.sources', { ...input, offset: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const shown = pages.reduce((n, p) => n + p.sources.length, 0);
      return shown < last.total ? shown : undefined;
    },
  });
  if (query.error) return <ErrorPanel error={query.error} title="The records behind this box could not be listed" />;
  if (!query.data) return <Loader size="sm" aria-label="Loading the records" />;
  const rows = query.data.pages.flatMap((p) => p.sources);
  const total = query.data.pages.at(-1)!.total;
  return (
    <>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Record</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => {
            const to = recordLink(s.ref);
            return (
              <Table.Tr key={`${s.ref.kind}:${s.ref.id}`}>
                <Table.Td>{formatDate(s.date)}</Table.Td>
                <Table.Td>
                  {to ? (
                    <Anchor component={Link} to={to} size="sm">
                      {s.ref.label}
                    </Anchor>
                  ) : (
                    s.ref.label
                  )}
                </Table.Td>
                <Table.Td>{KIND_LABELS[s.ref.kind]}</Table.Td>
                <Table.Td ta="right" className="tabular">
                  {formatMoney({ amount: s.amount, currency: 'GBP' })}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {query.hasNextPage && (
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">
            Showing {rows.length} of {total}
          </Text>
          <Button variant="subtle" size="xs" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Show {Math.min(PAGE, total - rows.length)} more
          </Button>
        </Group>
      )}
    </>
  );
}
