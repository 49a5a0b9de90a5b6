import type { StoreFailure } from '../shared/api/app';

/** Why the data file could not be opened; the app shows a recovery screen instead of starting fresh. */
export class StoreError extends Error {
  constructor(
    readonly reason: StoreFailure,
    message: string,
    readonly quarantinedTo: string | null = null,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
