import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CallName } from '../../../shared/api/call-names';
import { contract, type CallInput, type CallOutput } from '../../../shared/api/contract';
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
