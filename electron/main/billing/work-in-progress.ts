import type { DbOrTx } from '../../../db/client';
import { contractNames, unbilledWork } from '../../../db/billing';
import type { WorkInProgress } from '../../../shared/api/billing';
import { contractReference } from '../contracts/contracts';

/**
 * Work in progress (engagement model: time and expenses done but not invoiced) per signed or
 * active contract, up to `today` (ISO): billable seconds and entries, and rebillable expenses
 * per currency in minor units. Contracts with none are left out; most unbilled time first.
 */
export function workInProgress(db: DbOrTx, today: string): WorkInProgress {
  const { time, expenses } = unbilledWork(db, today);
  const ids = [...new Set([...time.map((t) => t.contractId), ...expenses.map((e) => e.contractId)])];
  const names = contractNames(db, ids);
  return ids
    .map((contractId) => {
      const worked = time.find((t) => t.contractId === contractId);
      return {
        contractId,
        reference: contractReference(contractId),
        title: names.get(contractId)?.title ?? '',
        clientName: names.get(contractId)?.clientName ?? '',
        seconds: worked?.seconds ?? 0,
        entries: worked?.entries ?? 0,
        expenses: expenses.filter((e) => e.contractId === contractId).map(({ currency, amountMinor, count }) => ({ currency, amountMinor, count })),
      };
    })
    .sort((a, b) => b.seconds - a.seconds || a.contractId - b.contractId);
}
