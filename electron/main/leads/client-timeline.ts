import type { z } from 'zod';
import { getClient } from '../../../db/clients';
import type { DbOrTx } from '../../../db/client';
import { clientContractEvents, clientIssuedDocuments, clientLeadRows, clientPayments } from '../../../db/client-timeline';
import { clientActivities, insertActivity, leadActivities } from '../../../db/leads';
import type { Activity, activityInput } from '../../../shared/api/leads';
import { formatMoney } from '../../../shared/money/money';
import { AppError, found } from '../errors';
import { contractReference } from '../contracts/contracts';
import { activityFromRow } from './timeline';
import { compareText } from '../../../shared/text/order';

const entry = (id: string, kind: Activity['kind'], occurredAt: string, body: string, href: string | null): Activity => ({ id, kind, occurredAt, body, fromStage: null, toStage: null, href });

/** A calendar date as an instant at its start (UTC), so it sorts among the timeline's instants. */
const dayStart = (iso: string) => `${iso}T00:00:00.000Z`;

/**
 * A client's timeline (issue 15 §5), newest first: its own logged notes, calls and emails; the
 * lead(s) it came from with their stage history and proposal events (sent, accepted, declined);
 * contracts created and each version signed; invoices and credit notes issued; payments received.
 * Each entry that has a screen opens it (href). Raises NOT_FOUND.
 */
export function clientTimeline(db: DbOrTx, clientId: number): Activity[] {
  found(getClient(db, clientId), 'This client');
  const entries: Activity[] = clientActivities(db, clientId).map(activityFromRow);
  for (const lead of clientLeadRows(db, clientId)) {
    for (const row of leadActivities(db, lead.id)) entries.push({ ...activityFromRow(row), body: `${lead.title}: ${row.body}`, href: `/leads/${lead.id}` });
  }
  for (const c of clientContractEvents(db, clientId)) {
    const ref = contractReference(c.contractId);
    if (c.versionNumber === 1) entries.push(entry(`c${c.contractId}`, 'contract', c.createdAt, `Contract ${ref} drafted: ${c.title}`, `/contracts/${c.contractId}`));
    if (c.signedAt) entries.push(entry(`s${c.contractId}-${c.versionNumber}`, 'contract', c.signedAt, c.versionNumber === 1 ? `Contract ${ref} signed` : `Contract ${ref} amendment ${c.versionNumber} signed`, `/contracts/${c.contractId}`));
  }
  for (const d of clientIssuedDocuments(db, clientId)) {
    const what = d.kind === 'invoice' ? 'Invoice' : 'Credit note';
    entries.push(entry(`i${d.id}`, 'invoice', d.issuedAt, `${what} ${d.number} issued: ${formatMoney({ amount: d.gross, currency: d.currency })}`, `/invoices/${d.id}`));
  }
  for (const p of clientPayments(db, clientId)) {
    // A payment is dated by the day it arrived; on that day it follows what was recorded before it.
    const at = p.createdAt.slice(0, 10) === p.date ? p.createdAt : dayStart(p.date);
    entries.push(entry(`m${p.id}`, 'payment', at, `Payment received on ${p.number ?? 'an invoice'}: ${formatMoney({ amount: p.amount, currency: p.currency })}`, `/invoices/${p.invoiceId}`));
  }
  return entries.sort((a, b) => compareText(b.occurredAt, a.occurredAt) || compareText(b.id, a.id));
}

/** Logs a note, call, email or meeting on a client's timeline. Raises NOT_FOUND, VALIDATION (in the future, or no client). */
export function logClientActivity(db: DbOrTx, input: z.output<typeof activityInput>, now: string): Activity[] {
  const clientId = found(input.clientId, new AppError('VALIDATION', 'Log it on a client.', { clientId: 'Choose a client' }));
  return db.transaction((tx) => {
    found(getClient(tx, clientId), 'This client');
    const occurredAt = input.occurredAt ?? now;
    if (occurredAt > now) throw new AppError('VALIDATION', 'A logged activity cannot be in the future.', { occurredAt: 'Choose a time up to now' });
    insertActivity(tx, { clientId, kind: input.kind, occurredAt, body: input.body, fromStage: null, toStage: null, createdAt: now });
    return clientTimeline(tx, clientId);
  });
}
