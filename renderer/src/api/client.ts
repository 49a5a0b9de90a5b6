import type { CallName } from '../../../shared/api/call-names';
import type { CallInput, CallOutput } from '../../../shared/api/contract';
import type { ErrorCode, FieldErrors } from '../../../shared/api/errors';
import { pickTransport, type Transport } from './transport';

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

let transport: Transport | undefined;

/** Calls the API through whichever transport this window has; resolves with the value or throws. */
export async function call<K extends CallName>(name: K, input?: CallInput<K>): Promise<CallOutput<K>> {
  transport ??= pickTransport();
  let result;
  try {
    result = await transport(name, input);
  } catch {
    throw new ApiCallError('INTERNAL', 'Billable could not reach its data service. Restart the app and try again.', {});
  }
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, result.error.fieldErrors);
  return result.value as CallOutput<K>;
}
