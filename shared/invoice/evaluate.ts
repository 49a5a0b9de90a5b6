import { addDays } from '../dates/calendar';
import { DomainError } from '../errors/domain-error';
import { calculateInvoice } from './calculate';
import type { CalculateInvoiceInput, InvoiceCalculation, InvoiceLineInput, InvoiceSettings } from './types';
import type { FxSource } from '../money/fx';
import type { CurrencyCode } from '../reference/currencies';
import { deriveTaxPoint, intraEuInvoiceDeadline, type TaxPoint } from '../vat/tax-point';
import { vatTreatment, type VatCategory, type VatScheme, type VatTreatment } from '../vat/treatment';

/** The supplier facts a document's VAT and figures depend on (the business profile has them). */
export interface Supplier {
  country: string;
  vatRegistered: boolean;
  vatScheme: VatScheme;
  homeCurrency: CurrencyCode;
}

/** The customer facts a document's VAT depends on (a client has them). */
export interface Customer {
  country: string;
  customerType: 'business' | 'consumer';
  /** VAT or tax number as given; its presence decides business-to-business treatment. */
  taxNumber: string | null;
}

/** The user's calculation choices (the invoicing settings have them). */
export type CalculationSettings = Pick<InvoiceSettings, 'vatRounding' | 'vatLevel' | 'discountDisplay' | 'fxMethod'> & {
  /** The default for documents that do not say whether their prices include VAT. */
  pricesIncludeVat?: boolean;
};

export interface DocumentTerms {
  currency: CurrencyCode;
  issueDate: string;
  /** The user's own tax point (with `taxPointReason`); null lets the rules derive it. */
  taxPoint: string | null;
  taxPointReason?: string | null;
  /** ISO date the work was completed, or the end of the period billed. */
  supplyEnd?: string | null;
  continuousSupply?: boolean;
  /** Unit prices include VAT; when absent, the settings' default. */
  pricesIncludeVat?: boolean;
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
  /** The tax point the rules derive (or the user's override), with the rule that chose it. */
  taxPoint: TaxPoint;
  /** For an intra-EU business supply: the latest date to issue the invoice (Art 222); else null. */
  invoiceDeadline: string | null;
  /** The settings the figures were calculated with, frozen with an issued document. */
  settings: InvoiceSettings;
  calculation: InvoiceCalculation;
}

/** The VAT treatment (rules §1) of a supply from supplier to customer at the document's tax point. */
export function treatmentFor(supplier: Supplier, customer: Customer, terms: Pick<DocumentTerms, 'currency'>, taxPoint: string): VatTreatment {
  return vatTreatment({
    supplier: { country: supplier.country, vatRegistered: supplier.vatRegistered, scheme: supplier.vatScheme, homeCurrency: supplier.homeCurrency },
    customer: { country: customer.country, kind: customer.customerType, vatNumber: customer.taxNumber },
    taxPoint,
    invoiceCurrency: terms.currency,
  });
}

/** treatmentFor at a derived tax point; a refusal is reported on the field the date came from. */
function treatmentAt(supplier: Supplier, customer: Customer, terms: DocumentTerms, taxPoint: TaxPoint): VatTreatment {
  try {
    return treatmentFor(supplier, customer, terms, taxPoint.date);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw error.at(taxPoint.rule === 'override' ? 'taxPoint' : taxPoint.date === terms.issueDate ? 'issueDate' : 'supplyEnd');
  }
}

/**
 * The same arithmetic the renderer shows live: VAT treatment from the domain core (or the
 * recorded override), then calculateInvoice with the user's settings. Amounts in the result are
 * integer minor units; `dueDate` is the ISO issue date plus the payment terms in days.
 * Throws DomainError, with the field at fault, for a tax point with no known VAT rate and for
 * amounts beyond MAX_DOCUMENT_AMOUNT (shared/money/money.ts).
 */
export function evaluate(
  supplier: Supplier,
  customer: Customer,
  settings: CalculationSettings,
  terms: DocumentTerms,
  extra: Pick<CalculateInvoiceInput, 'kind' | 'creditFor'> & { fx?: { rate: string; source: FxSource; date: string } | null } = {},
): Evaluation {
  const taxPoint = deriveTaxPoint({
    supplierCountry: supplier.country,
    continuous: terms.continuousSupply ?? false,
    supplyEnd: terms.supplyEnd ?? null,
    issueDate: terms.issueDate,
    // A draft has no payments: only issued invoices are paid.
    firstPaymentDate: null,
    override: terms.taxPoint ? { date: terms.taxPoint, reason: terms.taxPointReason ?? '' } : null,
  });
  const treatment = treatmentAt(supplier, customer, terms, taxPoint);
  const override = terms.vatOverride;
  const vat = override ? { category: override.category, rate: override.rate, overridden: true } : { category: treatment.category, rate: treatment.rate, overridden: false };
  const notes = !override || override.category === treatment.category ? treatment.notes : [];
  const vatCharged = vat.category === 'standard' || vat.category === 'zero';
  const fxRequired = vatCharged && terms.currency !== supplier.homeCurrency;
  const pricesIncludeVat = terms.pricesIncludeVat ?? settings.pricesIncludeVat ?? false;
  const used: InvoiceSettings = { vatRounding: settings.vatRounding, vatLevel: settings.vatLevel, discountDisplay: settings.discountDisplay, pricesIncludeVat, fxMethod: settings.fxMethod };
  const calculation = calculateInvoice({
    kind: extra.kind ?? 'invoice',
    currency: terms.currency,
    lines: terms.lines,
    vat: { category: vat.category, rate: vat.rate, notes },
    discountPercent: terms.discountPercent,
    withholdingPercent: terms.withholdingPercent,
    fx: extra.fx ? { ...extra.fx, homeCurrency: supplier.homeCurrency } : null,
    creditFor: extra.creditFor ?? null,
    settings: used,
  });
  const invoiceDeadline = intraEuInvoiceDeadline(supplier.country, customer.country, customer.customerType === 'business', terms.supplyEnd ?? terms.issueDate);
  return { treatment, vat, fxRequired, dueDate: addDays(terms.issueDate, terms.paymentTermsDays), taxPoint, invoiceDeadline, settings: used, calculation };
}
