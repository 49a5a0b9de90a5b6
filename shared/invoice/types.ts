import type { CreditExactness } from './credit';
import type { FxSource } from '../money/fx';
import type { RoundingMode } from '../money/rounding';
import type { CurrencyCode } from '../reference/currencies';
import type { InvoiceNote } from '../vat/notes';
import type { VatCategory } from '../vat/treatment';

export const LINE_KINDS = ['fee', 'discount', 'expense', 'disbursement'] as const;
/** fee: your work; discount: a reduction (always negative); expense: a recharge that follows the main supply's VAT; disbursement: paid as the client's agent, no VAT. */
export type LineKind = (typeof LINE_KINDS)[number];

export const UNITS = ['hour', 'day', 'item', 'fixed'] as const;
export type Unit = (typeof UNITS)[number];

export const QUANTITY_MAX_DECIMALS = 4;
export const UNIT_PRICE_MAX_DECIMALS = 4;

export interface InvoiceLineInput {
  description: string;
  kind: LineKind;
  /** Exact decimal: "7.5", "0.25". */
  quantity: string;
  unit: Unit;
  /** Exact decimal in major units of the invoice currency: "300", "97.35". */
  unitPrice: string;
}

export interface InvoiceSettings {
  /** Rounding of VAT amounts: half-up (default), or down for HMRC's invoice-trader concession. */
  vatRounding: RoundingMode;
  /** VAT on each rate group's summed nets (default), or the sum of per-line VAT. */
  vatLevel: 'invoice' | 'line';
  /** A percentage discount as one negative line (default), or taken off each fee line. */
  discountDisplay: 'separate-line' | 'per-line';
  /** Unit prices include VAT (consumer sales); the gross is then what the lines add up to. */
  pricesIncludeVat: boolean;
  /** Home-currency VAT: A = rate × converted net (default); B = converted VAT. */
  fxMethod: 'A' | 'B';
}

export const DEFAULT_SETTINGS: InvoiceSettings = {
  vatRounding: 'half-up',
  vatLevel: 'invoice',
  discountDisplay: 'separate-line',
  pricesIncludeVat: false,
  fxMethod: 'A',
};

export interface CalculateInvoiceInput {
  kind?: 'invoice' | 'credit-note';
  currency: CurrencyCode;
  lines: readonly InvoiceLineInput[];
  /** From vatTreatment() or the user's recorded override. */
  vat: { category: VatCategory; rate: string; notes?: readonly InvoiceNote[] };
  /** Percentage off fee lines only, never expenses or disbursements: "10". */
  discountPercent?: string | null;
  /** Income-tax withholding (e.g. Spanish IRPF "15"): reduces the amount payable, not the VAT base. */
  withholdingPercent?: string | null;
  /** Units of invoice currency per 1 home unit; credit notes pass their invoice's rate. */
  fx?: { rate: string; source: FxSource; date: string; homeCurrency: CurrencyCode } | null;
  /** For a credit note: the invoice it corrects. */
  creditFor?: { number: string; date: string } | null;
  /**
   * For a credit note: the exact remaining amounts it takes where it finishes an invoice line or
   * the whole invoice (from creditExactness), so that credits always sum to the invoice.
   */
  credit?: CreditExactness | null;
  settings?: Partial<InvoiceSettings>;
}

export interface CalculatedLine {
  /** Position in the input; null for the generated discount line. */
  index: number | null;
  description: string;
  kind: LineKind;
  quantity: string;
  unit: Unit;
  unitPrice: string;
  /** Line amount in minor units, after any per-line discount; includes VAT when prices do. */
  amount: number;
  /** Per-line discount taken off (negative), in per-line mode. */
  discount: number;
  vatCategory: VatCategory | 'disbursement';
  vatRate: string;
  /** This line's VAT in line-level mode; null otherwise. */
  vat: number | null;
}

export interface VatGroup {
  category: VatCategory;
  rate: string;
  net: number;
  vat: number;
  gross: number;
  /** In the home currency, when an exchange rate was given. */
  home: { net: number; vat: number } | null;
}

export interface HomeCurrencyFigures {
  currency: CurrencyCode;
  rate: string;
  source: FxSource;
  date: string;
  method: 'A' | 'B';
  net: number;
  vat: number;
}

export interface ExplanationStep {
  step: 'line' | 'discount' | 'vat' | 'withholding' | 'fx';
  text: string;
}

export interface InvoiceCalculation {
  kind: 'invoice' | 'credit-note';
  currency: CurrencyCode;
  lines: CalculatedLine[];
  /** Per VAT rate group; disbursements are kept apart. */
  groups: VatGroup[];
  totals: {
    /** Taxable net: fees, expenses and discounts. */
    taxableNet: number;
    disbursements: number;
    /** taxableNet + disbursements. */
    net: number;
    vat: number;
    /** net + vat, exactly. */
    gross: number;
    withholding: number;
    /** gross − withholding: what the client pays. */
    payable: number;
  };
  home: HomeCurrencyFigures | null;
  notes: InvoiceNote[];
  /** Each rounding, in plain words, in the order it happened. */
  explanation: ExplanationStep[];
}
