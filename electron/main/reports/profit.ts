import { exportExpenses } from '../../../db/accountant-export';
import { documentFees } from '../../../db/dashboard';
import type { DbOrTx } from '../../../db/client';
import { rateTimeline } from '../../../db/exchange-rates';
import { getProfile } from '../../../db/profile';
import type { ProfitSummary } from '../../../shared/api/dashboard';
import { convertToHome } from '../../../shared/money/fx';
import { decimal } from '../../../shared/money/decimal';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { profileMissing } from '../errors';
import { feesAndRebilled } from './fees';

/**
 * Profit for a period (`from`..`to`, ISO dates; an accounting or UK tax year), in the home
 * currency's minor units: fees invoiced and expenses rebilled (issued invoices less credit notes by
 * issue date, net of VAT, each at its stored rate), expenses paid (net of VAT that is reclaimed,
 * foreign ones at the stored rate for their date), split into rebilled and the business's own.
 * Records without a home value are counted in `unvalued`, not guessed. Throws NOT_FOUND without a
 * business profile.
 */
export function profitSummary(db: DbOrTx, range: { from: string; to: string }): ProfitSummary {
  const profile = getProfile(db, { withLogo: false });
  if (!profile) throw profileMissing();
  const home = profile.homeCurrency;
  let fees = 0;
  let rebilledIncome = 0;
  let unvalued = 0;
  for (const doc of documentFees(db, range.from, range.to)) {
    const split = feesAndRebilled(doc, home);
    if (!split) {
      unvalued += 1;
      continue;
    }
    fees += split.fees;
    rebilledIncome += split.rebilled;
  }

  let rebillableCosts = 0;
  let ownCosts = 0;
  const timelines = new Map<CurrencyCode, ReturnType<typeof rateTimeline>>();
  for (const e of exportExpenses(db, range.from, range.to)) {
    const cost = e.amount - (e.vatReclaimable ? e.vat : 0);
    let homeCost = cost;
    if (e.currency !== home) {
      if (!timelines.has(e.currency)) timelines.set(e.currency, rateTimeline(db, { homeCurrency: home, currency: e.currency }, range.from, range.to));
      const rate = timelines.get(e.currency)!(e.date);
      if (!rate) {
        unvalued += 1;
        continue;
      }
      homeCost = convertToHome(cost, e.currency, decimal(rate.rate), home);
    }
    if (e.rebillable) rebillableCosts += homeCost;
    else ownCosts += homeCost;
  }
  return { homeCurrency: home, from: range.from, to: range.to, fees, rebilledIncome, rebillableCosts, ownCosts, profit: fees + rebilledIncome - rebillableCosts - ownCosts, unvalued };
}
