import { DomainError } from '../errors/domain-error';
import { countryName } from '../reference/countries';
import { LOCAL_REVERSE_CHARGE, SMALL_BUSINESS_REFERENCE, note, type InvoiceNote } from './notes';
import { rateTableStart, standardRate, type RateOverride } from './rates';
import { inUkVatArea, isEuMember } from './regions';

/** EN 16931 / UNTDID 5305 category codes. */
export const VAT_CATEGORIES = {
  standard: 'S',
  zero: 'Z',
  exempt: 'E',
  'reverse-charge': 'AE',
  'outside-scope': 'O',
  'not-registered': 'O',
} as const;

export type VatCategory = keyof typeof VAT_CATEGORIES;

export const SERVICE_TYPES = ['consultancy', 'other'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const VAT_SCHEMES = ['standard', 'flat-rate', 'cash-accounting', 'small-business-exemption'] as const;
export type VatScheme = (typeof VAT_SCHEMES)[number];

export interface VatTreatmentInput {
  supplier: { country: string; vatRegistered: boolean; scheme?: VatScheme; homeCurrency?: string };
  customer: {
    country: string;
    kind: 'business' | 'consumer';
    /** The customer's VAT number, if they gave one. */
    vatNumber?: string | null;
    /** False when a VIES/HMRC check said the number is invalid; a format check alone is not a "no". */
    vatNumberValid?: boolean;
  };
  /** Consultancy, advisory, IT and data processing (Sch 4A para 16 / Art 59), unless said otherwise. */
  serviceType?: ServiceType;
  /** ISO date of the tax point (time of supply). */
  taxPoint: string;
  invoiceCurrency?: string;
  rateOverrides?: readonly RateOverride[];
  /**
   * UK law no longer requires the "Reverse charge" wording on UK → EU business invoices, but the
   * customer's member state may (rules §1.4, unverified): printed unless turned off.
   */
  ukReverseChargeNote?: boolean;
}

export interface VatReturnPlacement {
  /** UK return boxes the sale feeds: Box 1 (VAT) and Box 6 (net), for UK suppliers. */
  ukBoxes: { box1: boolean; box6: boolean } | null;
  /** EU recapitulative statement (EC Sales List) for intra-EU B2B services. */
  ecSalesList: boolean;
  /** Flat Rate Scheme turnover (outside-scope sales are excluded from it). */
  flatRateTurnover: boolean;
}

export interface VatTreatment {
  category: VatCategory;
  code: (typeof VAT_CATEGORIES)[VatCategory];
  /** Percentage as an exact decimal string; "0" when no VAT is charged. */
  rate: string;
  /** Whose VAT is charged, when any is. */
  rateCountry: string | null;
  /** Why: one plain sentence for the user, with the legal basis. */
  reason: string;
  notes: InvoiceNote[];
  printCustomerVatNumber: boolean;
  /** VAT is charged in a currency other than the supplier's: its home-currency figures must be printed. */
  homeCurrencyOnInvoice: boolean;
  /** The sale must be valued in the home currency for the VAT return even if nothing is printed. */
  homeCurrencyForReturn: boolean;
  vatReturn: VatReturnPlacement;
  /** Things the app does not compute but the user should know. */
  warnings: string[];
}

type Decision = Pick<VatTreatment, 'category' | 'rate' | 'rateCountry' | 'reason' | 'notes' | 'printCustomerVatNumber'> & {
  warnings?: string[];
  ecSalesList?: boolean;
};

function charge(country: string, input: VatTreatmentInput, reason: string): Decision {
  const rate = standardRate(country, input.taxPoint, input.rateOverrides);
  if (rate === null) {
    const start = rateTableStart(country);
    const name = country === 'GB' ? 'UK' : countryName(country);
    throw new DomainError(`Billable knows no ${name} VAT rate for a tax point of ${input.taxPoint}${start ? `: its ${name} rates start on ${start}` : ''}. Check the date.`);
  }
  return { category: rate === '0' ? 'zero' : 'standard', rate, rateCountry: country, reason, notes: [], printCustomerVatNumber: !!input.customer.vatNumber };
}

function noVat(category: VatCategory, reason: string, notes: InvoiceNote[], printCustomerVatNumber = false): Decision {
  return { category, rate: '0', rateCountry: null, reason, notes, printCustomerVatNumber };
}

function hasValidVatNumber(input: VatTreatmentInput): boolean {
  return !!input.customer.vatNumber && input.customer.vatNumberValid !== false;
}

function ukSupplier(input: VatTreatmentInput): Decision {
  const { customer } = input;
  const consultancy = (input.serviceType ?? 'consultancy') === 'consultancy';
  const where = countryName(customer.country);
  if (inUkVatArea(customer.country)) {
    return charge('GB', input, `${where} is in the UK VAT area, so UK VAT is charged (VATA 1994 s7A).`);
  }
  const eu = isEuMember(customer.country, input.taxPoint);
  if (customer.kind === 'business') {
    if (eu && hasValidVatNumber(input)) {
      const wording = input.ukReverseChargeNote === false ? [] : [note('uk.reverse-charge')];
      return noVat(
        'reverse-charge',
        `Business customer in ${where}: the place of supply is the customer's country, so the customer accounts for the VAT there (VATA 1994 s7A; Art. 196 of the VAT Directive).`,
        [...wording, note('uk.outside-scope-b2b-eu')],
        true,
      );
    }
    if (eu) {
      return noVat(
        'outside-scope',
        `Business customer in ${where} with no VAT number: outside the scope of UK VAT, without the reverse-charge wording.`,
        [note('uk.outside-scope-b2b-eu-no-vat-id')],
      );
    }
    return noVat('outside-scope', `Business customer in ${where}: the place of supply is outside the UK (VATA 1994 s7A).`, [note('uk.outside-scope-b2b-world')], !!customer.vatNumber);
  }
  if (!consultancy) {
    return {
      ...charge('GB', input, `Consumer in ${where}, for a service outside the consultancy list: supplied where the supplier belongs, so UK VAT is charged.`),
      warnings: ['Check the classification: services other than consultancy to consumers abroad can follow other rules.'],
    };
  }
  return noVat('outside-scope', `Consumer in ${where}: consultancy is supplied where the customer belongs (VATA 1994 Sch 4A para 16).`, [note('uk.outside-scope-b2c')]);
}

function euSupplier(input: VatTreatmentInput): Decision {
  const { supplier, customer } = input;
  const home = supplier.country;
  const homeName = countryName(home);
  const where = countryName(customer.country);
  const consultancy = (input.serviceType ?? 'consultancy') === 'consultancy';
  if (customer.country === home) return charge(home, input, `Customer in ${homeName}: a domestic supply, so ${homeName} VAT is charged.`);
  if (isEuMember(customer.country, input.taxPoint)) {
    if (customer.kind === 'business' && hasValidVatNumber(input)) {
      const local = LOCAL_REVERSE_CHARGE[home];
      return {
        ...noVat(
          'reverse-charge',
          `Business customer in ${where}: the place of supply is the customer's country (Art. 44) and the customer is liable for the VAT (Art. 196).`,
          [note('eu.reverse-charge'), ...(local ? [note('eu.reverse-charge-local', { text: local })] : [])],
          true,
        ),
        ecSalesList: true,
      };
    }
    const decision = charge(home, input, `Customer in ${where} treated as a consumer: supplied where the supplier is established (Art. 45), so ${homeName} VAT is charged.`);
    return customer.kind === 'business'
      ? { ...decision, warnings: ["Without the customer's VAT number the sale is treated as to a consumer (Art. 18 Reg. 282/2011). If they give a valid number later, credit this invoice and reissue it with the reverse charge."] }
      : decision;
  }
  if (customer.kind === 'business') {
    return noVat('outside-scope', `Business customer in ${where}: the place of supply is outside the EU (Art. 44).`, [note('eu.outside-scope-b2b', { country: homeName })], !!customer.vatNumber);
  }
  if (consultancy) {
    return noVat('outside-scope', `Consumer in ${where}: consultancy to a consumer outside the EU is supplied where the customer is (Art. 59).`, [note('eu.outside-scope-b2c', { country: homeName })]);
  }
  return charge(home, input, `Consumer in ${where}, for a service outside the Art. 59 list: supplied where the supplier is established, so ${homeName} VAT is charged.`);
}

function foreignTaxWarnings(input: VatTreatmentInput): string[] {
  const { customer } = input;
  const warnings: string[] = [];
  if (customer.country === 'NZ' && customer.kind === 'consumer') {
    warnings.push('New Zealand GST (15%) applies to remote services sold to NZ consumers once such sales pass NZ$60,000 in 12 months; Billable does not charge it.');
  }
  if (customer.kind === 'consumer' && ['AU', 'CH', 'NO', 'US', 'CA', 'JP'].includes(customer.country)) {
    warnings.push(`${countryName(customer.country)} may tax services sold to its consumers by foreign suppliers; Billable does not compute that tax.`);
  }
  return warnings;
}

/**
 * The VAT treatment of a supply of services, from the rules document: UK suppliers (Isle of Man
 * inside, Channel Islands outside the UK VAT area), EU suppliers (domestic, intra-EU B2B reverse
 * charge, B2C at the supplier's rate, outside the EU), and suppliers who charge no VAT.
 */
export function vatTreatment(input: VatTreatmentInput): VatTreatment {
  const { supplier } = input;
  const scheme = supplier.scheme ?? 'standard';
  const ukSeller = inUkVatArea(supplier.country);
  const euSeller = isEuMember(supplier.country, input.taxPoint);
  let decision: Decision;
  if (!supplier.vatRegistered) {
    decision = noVat('not-registered', 'You are not registered for VAT, so no VAT is charged.', [note('not-registered')]);
  } else if (scheme === 'small-business-exemption') {
    const reference = SMALL_BUSINESS_REFERENCE[supplier.country] ?? 'small-business scheme';
    decision = noVat('exempt', `You use the small-business exemption (${reference}), so no VAT is charged.`, [note('small-business-exemption', { reference })]);
  } else if (ukSeller) {
    decision = ukSupplier(input);
  } else if (euSeller) {
    decision = euSupplier(input);
  } else {
    decision = {
      ...noVat('not-registered', `Billable has no VAT rules for suppliers in ${countryName(supplier.country)}; no VAT is charged unless you override it.`, []),
      warnings: ['Set the tax on this invoice by hand if your country charges one.'],
    };
  }

  const vatCharged = decision.category === 'standard' || decision.category === 'zero';
  const foreignCurrency = !!input.invoiceCurrency && !!supplier.homeCurrency && input.invoiceCurrency !== supplier.homeCurrency;
  const reportsSales = supplier.vatRegistered && scheme !== 'small-business-exemption';
  return {
    category: decision.category,
    code: VAT_CATEGORIES[decision.category],
    rate: decision.rate,
    rateCountry: decision.rateCountry,
    reason: decision.reason,
    notes: decision.notes,
    printCustomerVatNumber: decision.printCustomerVatNumber,
    homeCurrencyOnInvoice: vatCharged && foreignCurrency,
    homeCurrencyForReturn: reportsSales && foreignCurrency,
    vatReturn: {
      ukBoxes: ukSeller && reportsSales ? { box1: vatCharged, box6: true } : null,
      ecSalesList: decision.ecSalesList ?? false,
      flatRateTurnover: scheme === 'flat-rate' && vatCharged,
    },
    warnings: [...(decision.warnings ?? []), ...foreignTaxWarnings(input)],
  };
}
