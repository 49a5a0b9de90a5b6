import { Text } from '@mantine/core';
import type { ApiCallError } from '../api/client';

/** A failed call's message, when it has no field to sit next to. */
export function FormError({ error }: { error: ApiCallError | null | undefined }) {
  if (!error || Object.keys(error.fieldErrors).length > 0) return null;
  return (
    <Text c="red" size="sm" role="alert">
      {error.message}
    </Text>
  );
}
