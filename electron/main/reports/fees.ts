import type { ExportDocumentRow } from '../../../db/accountant-export';
import { divRound } from '../../../shared/money/rounding';
import type { CurrencyCode } from '../../../shared/reference/currencies';

/**
 * An issued document's net in the home currency's minor units, split into fees and expenses
 * rebilled (expense and disbursement lines' share of the net), at the document's stored rate.
 * Null when a foreign document has no home value.
 */
export function feesAndRebilled(doc: Pick<ExportDocumentRow, 'snapshot' | 'net' | 'homeNet'>, home: CurrencyCode): { fees: number; rebilled: number } | null {
  const homeValue = doc.snapshot.currency === home ? doc.net : doc.homeNet;
  if (homeValue === null) return null;
  const lines = doc.snapshot.calculation.lines;
  const all = lines.reduce((sum, l) => sum + l.amount, 0);
  const rebilledLines = lines.filter((l) => l.kind === 'expense' || l.kind === 'disbursement').reduce((sum, l) => sum + l.amount, 0);
  // Line amounts include VAT when the document's prices do, so take their share of the net.
  const rebilled = all === 0 ? 0 : Number(divRound(BigInt(homeValue) * BigInt(rebilledLines), BigInt(all), 'half-up'));
  return { fees: homeValue - rebilled, rebilled };
}
