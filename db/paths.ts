import path from 'node:path';

/** Where each file of a data folder lives. */
export function storePaths(dataDir: string) {
  return {
    dataDir,
    database: path.join(dataDir, 'billable.sqlite'),
    marker: path.join(dataDir, 'billable.marker.json'),
    /** The documents store (db/documents.ts): stored documents named by their SHA-256. */
    documents: path.join(dataDir, 'documents'),
    backups: path.join(dataDir, 'backups'),
    quarantine: path.join(dataDir, 'quarantine'),
  };
}

export type StorePaths = ReturnType<typeof storePaths>;

/** A file-name-safe timestamp: 2026-11-22T09-18-44-123Z. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}
