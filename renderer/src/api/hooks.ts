import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CallName } from '../../../shared/api/call-names';
import { contract, type CallInput, type CallOutput } from '../../../shared/api/contract';
import { DEFAULT_PAGE_SIZE } from '../../../shared/api/paging';
import { call, type ApiCallError } from './client';

/** Reads through the typed client; cached by call family so mutations know what to refresh. */
export function useApiQuery<K extends CallName>(
  name: K,
  input?: CallInput<K>,
  options: Partial<UseQueryOptions<CallOutput<K>, ApiCallError>> = {},
) {
  return useQuery<CallOutput<K>, ApiCallError>({
    queryKey: [contract[name].family, name, input ?? null],
    queryFn: () => call(name, input),
    ...options,
  });
}

/** The list calls that page with a keyset cursor: each row carries the `cursor` that asks for the rows after it. */
export type PagedCall = { [K in CallName]: CallOutput<K> extends readonly { cursor: string }[] ? K : never }[CallName];

/**
 * A paged list read page by page as the user scrolls: `rows` is every page loaded so far, in
 * order; `loadMore` asks for the next page (a no-op while one is loading or when the last page
 * was short). Shares the call family's cache key, so the same mutations refresh it. While the
 * filters change, the previous rows stay on screen until the new first page arrives.
 */
export function useApiPages<K extends PagedCall>(name: K, input: Omit<CallInput<K>, 'after' | 'limit'>, pageSize = DEFAULT_PAGE_SIZE) {
  const query = useInfiniteQuery<CallOutput<K>, ApiCallError, { pages: CallOutput<K>[] }, unknown[], string | null>({
    queryKey: [contract[name].family, name, 'pages', pageSize, input],
    queryFn: ({ pageParam }) => call(name, { ...input, limit: pageSize, after: pageParam } as CallInput<K>),
    initialPageParam: null,
    getNextPageParam: (last) => (last.length < pageSize ? undefined : last.at(-1)!.cursor),
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.pages.flat() as CallOutput<K>[number][] | undefined;
  const loadMore = () => {
    if (query.hasNextPage && !query.isFetchingNextPage && !query.isError) void query.fetchNextPage();
  };
  return { ...query, rows, loadMore };
}

export function useApiMutation<K extends CallName>(name: K) {
  const queryClient = useQueryClient();
  const def = contract[name] as { invalidates?: readonly string[] };
  return useMutation<CallOutput<K>, ApiCallError, CallInput<K>>({
    mutationFn: (input) => call(name, input),
    onSuccess: async () => {
      await Promise.all((def.invalidates ?? []).map((family) => queryClient.invalidateQueries({ queryKey: [family] })));
    },
  });
}
