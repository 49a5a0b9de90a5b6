import type { Client } from '../api/clients';
import type { Profile } from '../api/profile';
import type { InvoicingSettings } from '../api/settings';
import { calculateInvoice } from './calculate';
import type { CalculateInvoiceInput, InvoiceCalculation, InvoiceLineInput } from './types';
import type { FxSource } from '../money/fx';
import type { CurrencyCode } from '../reference/currencies';
import { vatTreatment, type VatCategory, type VatTreatment } from '../vat/treatment';

export interface DocumentTerms {
  currency: string;
  issueDate: string;
  taxPoint: string | null;
  paymentTermsDays: number;
  discountPercent: string | null;
  withholdingPercent: string | null;
  vatOverride: { category: VatCategory; rate: string; reason: string } | null;
  lines: InvoiceLineInput[];
}

export interface Evaluation {
  treatment: VatTreatment;
  /** The category and rate used: the treatment's, or the user's recorded override. */
  vat: { category: VatCategory; rate: string; overridden: boolean };
  fxRequired: boolean;
  dueDate: string;
  calculation: InvoiceCalculation;
}

/** An ISO date plus whole days, in UTC so no time zone moves it. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function treatmentFor(profile: Profile, client: Client, terms: Pick<DocumentTerms, 'currency' | 'issueDate' | 'taxPoint'>): VatTreatment {
  return vatTreatment({
    supplier: { country: profile.country, vatRegistered: profile.vatRegistered, scheme: profile.vatScheme, homeCurrency: profile.homeCurrency },
    customer: { country: client.country, kind: client.customerType, vatNumber: client.taxNumber },
    taxPoint: terms.taxPoint ?? terms.issueDate,
    invoiceCurrency: terms.currency,
  });
}

/**
 * The same arithmetic the renderer shows live: VAT treatment from the domain core (or the
 * recorded override), then calculateInvoice with the user's invoicing settings.
 */
export function evaluate(
  profile: Profile,
  client: Client,
  settings: InvoicingSettings,
  terms: DocumentTerms,
  extra: Pick<CalculateInvoiceInput, 'kind' | 'creditFor'> & { fx?: { rate: string; source: FxSource; date: string } | null } = {},
): Evaluation {
  const treatment = treatmentFor(profile, client, terms);
  const override = terms.vatOverride;
  const vat = override ? { category: override.category, rate: override.rate, overridden: true } : { category: treatment.category, rate: treatment.rate, overridden: false };
  const notes = !override || override.category === treatment.category ? treatment.notes : [];
  const vatCharged = vat.category === 'standard' || vat.category === 'zero';
  const fxRequired = vatCharged && terms.currency !== profile.homeCurrency;
  const calculation = calculateInvoice({
    kind: extra.kind ?? 'invoice',
    currency: terms.currency as CurrencyCode,
    lines: terms.lines,
    vat: { category: vat.category, rate: vat.rate, notes },
    discountPercent: terms.discountPercent,
    withholdingPercent: terms.withholdingPercent,
    fx: extra.fx ? { ...extra.fx, homeCurrency: profile.homeCurrency as CurrencyCode } : null,
    creditFor: extra.creditFor ?? null,
    settings: { vatRounding: settings.vatRounding, vatLevel: settings.vatLevel, discountDisplay: settings.discountDisplay, fxMethod: settings.fxMethod },
  });
  return { treatment, vat, fxRequired, dueDate: addDays(terms.issueDate, terms.paymentTermsDays), calculation };
}
