import { decimal } from '../money/decimal';
import { convertToHome, parseRate } from '../money/fx';
import { divRound, pow10 } from '../money/rounding';
import { toSafeAmount } from '../money/money';
import type { CurrencyCode } from '../reference/currencies';
import type { InvoiceCalculation, InvoiceSettings } from './types';

/** A foreign document's value in the home currency, in its minor units. */
export interface HomeValue {
  /** Taxable net (UK Box 6); disbursements are not a supply and stay out. */
  net: number;
  /** VAT (UK Box 1): method A or B, as calculateInvoice chose. */
  vat: number;
  /** net + VAT + the disbursements at the same rate: what the whole document is worth. */
  gross: number;
}

/**
 * The home-currency net, VAT and gross of a calculation made with an exchange rate (rules §2.5:
 * home = amount ÷ rate, half-up); null when it had none (a home-currency document).
 */
export function homeValueOf(calculation: Pick<InvoiceCalculation, 'currency' | 'totals' | 'home'>): HomeValue | null {
  const { home } = calculation;
  if (!home) return null;
  const disbursements = convertToHome(calculation.totals.disbursements, calculation.currency, parseRate(home.rate), home.currency);
  return { net: home.net, vat: home.vat, gross: home.net + home.vat + disbursements };
}

/**
 * The home value of an already-issued calculation at a rate supplied after issue, per VAT group
 * exactly as calculateInvoice does it at issue (rules §2.5.3): net ÷ rate, half-up; VAT by method
 * A (group rate × home net, rounded as the document's VAT was) or B (VAT ÷ rate). The frozen
 * figures are read, never recalculated. `rate` is units of the document currency per 1 home unit.
 */
export function homeValueAtRate(
  calculation: Pick<InvoiceCalculation, 'currency' | 'totals' | 'groups'>,
  rate: string,
  homeCurrency: CurrencyCode,
  settings: Pick<InvoiceSettings, 'fxMethod' | 'vatRounding'>,
): HomeValue {
  const fx = parseRate(rate);
  let net = 0;
  let vat = 0;
  for (const group of calculation.groups) {
    const groupNet = convertToHome(group.net, calculation.currency, fx, homeCurrency);
    const pct = decimal(group.rate);
    net += groupNet;
    vat +=
      settings.fxMethod === 'A'
        ? toSafeAmount(divRound(BigInt(groupNet) * pct.units, 100n * pow10(pct.scale), settings.vatRounding))
        : convertToHome(group.vat, calculation.currency, fx, homeCurrency);
  }
  return { net, vat, gross: net + vat + convertToHome(calculation.totals.disbursements, calculation.currency, fx, homeCurrency) };
}

/** A payment as the gain-or-loss arithmetic sees it: minor units of each currency. */
export interface ReceivedPayment {
  /** In the invoice currency. */
  amount: number;
  /** What arrived, in the home currency; null when not recorded. */
  homeAmount: number | null;
}

export interface RealisedGain {
  /** The home value of the part of the invoice this payment settles. */
  settledHomeValue: number;
  /** homeAmount − settledHomeValue (negative = a loss); null when no home amount was recorded. */
  gain: number | null;
}

/**
 * Realised exchange gain or loss per payment, oldest first (rules §2.5.7: not a VAT adjustment).
 * A payment settles `amount / gross` of the invoice, so its home value is that share of the home
 * gross. Shares are taken cumulatively (round(paid so far × homeGross / gross), half-up, minus the
 * same for the payments before), so payments that settle the whole gross carry exactly the home
 * gross between them. `gross` and `homeGross` are the invoice's, in minor units; gross must be
 * positive. The total is the sum of the gains that are known.
 */
export function realisedGains(gross: number, homeGross: number, payments: readonly ReceivedPayment[]): { payments: RealisedGain[]; total: number } {
  if (gross <= 0) throw new RangeError('An invoice with a gain or loss has a positive gross');
  let paidSoFar = 0n;
  let settledSoFar = 0n;
  let total = 0;
  const gains = payments.map((payment) => {
    paidSoFar += BigInt(payment.amount);
    const settledThrough = divRound(paidSoFar * BigInt(homeGross), BigInt(gross), 'half-up');
    const settledHomeValue = toSafeAmount(settledThrough - settledSoFar);
    settledSoFar = settledThrough;
    const gain = payment.homeAmount === null ? null : payment.homeAmount - settledHomeValue;
    if (gain !== null) total += gain;
    return { settledHomeValue, gain };
  });
  return { payments: gains, total };
}
