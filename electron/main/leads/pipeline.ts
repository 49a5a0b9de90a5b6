import type { DbOrTx } from '../../../db/client';
import { lookupRate } from '../../../db/exchange-rates';
import { openPipelineTotals } from '../../../db/leads';
import { getHomeCurrency } from '../../../db/profile';
import { getLeadSettings } from '../../../db/settings';
import type { PipelineStage } from '../../../shared/api/leads';
import { LEAD_STAGES, OPEN_STAGES, weightedValue, type LeadStage } from '../../../shared/leads/stages';
import { convertToHome, parseRate } from '../../../shared/money/fx';
import type { CurrencyCode } from '../../../shared/reference/currencies';

/**
 * Converts estimates to the home currency at the latest stored rate on or before `today` (ISO),
 * one lookup per currency. Null when there is no home currency or no rate: such an estimate is
 * counted, never guessed.
 */
export function homeConverter(db: DbOrTx, today: string): { home: CurrencyCode | null; toHome(amount: number, currency: CurrencyCode): number | null } {
  const home = getHomeCurrency(db);
  const rates = new Map<string, ReturnType<typeof parseRate> | null>();
  return {
    home,
    toHome(amount, currency) {
      if (home === null) return null;
      if (currency === home) return amount;
      if (!rates.has(currency)) {
        const stored = lookupRate(db, { homeCurrency: home, currency }, today);
        rates.set(currency, stored ? parseRate(stored.rate) : null);
      }
      const rate = rates.get(currency);
      return rate ? convertToHome(amount, currency, rate, home) : null;
    },
  };
}

/** Empty stage columns, each with the user's probability for it (Settings → Leads). */
export function emptyStages(probabilities: Record<LeadStage, number>): PipelineStage[] {
  return LEAD_STAGES.map((stage) => ({ stage, probability: probabilities[stage], count: 0, valueMinor: 0, weightedMinor: 0, unconvertedCount: 0 }));
}

/** Sets each stage's weighted value: its home-currency value × its probability (issue 15 §2), rounded once per stage. */
export function weighStages(stages: PipelineStage[]): PipelineStage[] {
  return stages.map((s) => ({ ...s, weightedMinor: weightedValue(s.valueMinor, s.probability) }));
}

/**
 * The open pipeline for the dashboard (issue 16 §1): every open lead, recruiters included, per
 * stage in the home currency, weighted. Reads one grouped row per stage and currency.
 */
export function openPipeline(db: DbOrTx, today: string): PipelineStage[] {
  const { toHome } = homeConverter(db, today);
  const stages = emptyStages(getLeadSettings(db).stageProbabilities);
  for (const row of openPipelineTotals(db)) {
    const column = stages[LEAD_STAGES.indexOf(row.stage)]!;
    column.count += row.count;
    if (row.currency === null) continue;
    const value = toHome(row.estimateMinor, row.currency as CurrencyCode);
    if (value === null) column.unconvertedCount += row.count;
    else column.valueMinor += value;
  }
  return weighStages(stages.filter((s) => (OPEN_STAGES as readonly string[]).includes(s.stage)));
}
