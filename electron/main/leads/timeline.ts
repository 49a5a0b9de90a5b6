import type { ActivityRow } from '../../../db/leads';
import type { Activity } from '../../../shared/api/leads';

/** A stored timeline entry as the screens show it; its id is prefixed so it never collides with invoice or payment entries. */
export function activityFromRow(row: ActivityRow): Activity {
  return { id: `a${row.id}`, kind: row.kind, occurredAt: row.occurredAt, body: row.body, fromStage: row.fromStage, toStage: row.toStage, href: null };
}
