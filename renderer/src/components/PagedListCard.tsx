import { Card, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorPanel } from './ErrorPanel';

/**
 * The card a paged list sits in (see useApiPages): the error if the list could not be read, a
 * loader until the first page arrives, `empty` when there are no rows, and otherwise what
 * `children` draws from the rows loaded so far (the table).
 */
export function PagedListCard<T>({ list, empty, children }: { list: { isError: boolean; error: unknown; rows: T[] | undefined }; empty: ReactNode; children(rows: T[]): ReactNode }) {
  return (
    <Card padding={0}>
      {list.isError ? (
        <ErrorPanel error={list.error} />
      ) : !list.rows ? (
        <Center py={64}>
          <Loader />
        </Center>
      ) : list.rows.length === 0 ? (
        empty
      ) : (
        children(list.rows)
      )}
    </Card>
  );
}
