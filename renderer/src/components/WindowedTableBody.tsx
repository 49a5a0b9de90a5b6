import { Group, Loader, Table, Text } from '@mantine/core';
import { Fragment, type Key, type ReactNode, type Ref } from 'react';
import { useWindowRows } from './useWindowRows';

/**
 * A table body whose rows are drawn only where the window shows them (see useWindowRows): spacer
 * rows above and below keep the scrollbar true to the whole list, and a "Loading more {noun}…" row
 * shows while the next page is fetched. `renderRow` draws row `index`; a row whose height varies
 * passes `measure` as its ref and `index` as its `data-index`, so it is measured. Rows drawn at
 * exactly `estimateSize` px can leave `measure` out: nothing is observed or measured as they
 * scroll into view, which keeps a fast scroll's frames short.
 */
export function WindowedTableBody<T>({
  rows,
  rowKey,
  renderRow,
  estimateSize,
  columns,
  noun,
  loadMore,
  loadingMore,
}: {
  rows: T[];
  rowKey(row: T): Key;
  renderRow(row: T, index: number, measure: Ref<HTMLTableRowElement>): ReactNode;
  /** A typical row's height in px, before it is measured; every row's, for rows that are not measured. */
  estimateSize: number;
  /** How many columns the loading row spans. */
  columns: number;
  /** What the rows are, plural, for the loading row: "invoices". */
  noun: string;
  loadMore(): void;
  loadingMore: boolean;
}) {
  const { bodyRef, items, paddingTop, paddingBottom, measure } = useWindowRows({ count: rows.length, estimateSize, loadMore });
  return (
    <Table.Tbody ref={bodyRef}>
      {paddingTop > 0 && <tr aria-hidden style={{ height: paddingTop }} />}
      {items.map((item) => {
        const row = rows[item.index]!;
        return <Fragment key={rowKey(row)}>{renderRow(row, item.index, measure)}</Fragment>;
      })}
      {paddingBottom > 0 && <tr aria-hidden style={{ height: paddingBottom }} />}
      {loadingMore && (
        <Table.Tr>
          <Table.Td colSpan={columns}>
            <Group justify="center" gap="xs" py={4}>
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                Loading more {noun}…
              </Text>
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    </Table.Tbody>
  );
}
