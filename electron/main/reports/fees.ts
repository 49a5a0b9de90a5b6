import type { DocumentFeeRow } from '../../../db/dashboard';
import { divRound } from '../../../shared/money/rounding';
import type { CurrencyCode } from '../../../shared/reference/currencies';

/**
 * An issued document's net in the home currency's minor units, split into fees and expenses
 * rebilled (the expense and disbursement lines' share of the net, half-up), at the document's
 * stored rate. Null when a foreign document has no home value.
 */
export function feesAndRebilled(doc: Pick<DocumentFeeRow, 'currency' | 'net' | 'homeNet' | 'rebilledLines' | 'allLines'>, home: CurrencyCode): { fees: number; rebilled: number } | null {
  const homeValue = doc.currency === home ? doc.net : doc.homeNet;
  if (homeValue === null) return null;
  // Line amounts include VAT when the document's prices do, so take their share of the net.
  const rebilled = doc.rebilledLines === 0 || doc.allLines === 0 ? 0 : Number(divRound(BigInt(homeValue) * BigInt(doc.rebilledLines), BigInt(doc.allLines), 'half-up'));
  return { fees: homeValue - rebilled, rebilled };
}
