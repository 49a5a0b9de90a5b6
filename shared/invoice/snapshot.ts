import type { FxSource } from '../money/fx';
import type { CurrencyCode } from '../reference/currencies';
import type { TaxPointRule } from '../vat/tax-point';
import type { VatCategory } from '../vat/treatment';
import type { InvoiceCalculation, InvoiceLineInput, InvoiceSettings } from './types';

export interface PartySnapshot {
  name: string;
  legalName: string | null;
  addressLines: string[];
  country: string;
  vatNumber: string | null;
}

export interface BankSnapshot {
  accountHolder: string;
  bankName: string | null;
  iban: string | null;
  bic: string | null;
  accountNumber: string | null;
  sortCode: string | null;
  routingNumber: string | null;
  details: string | null;
}

/**
 * Everything an issued invoice or credit note prints, frozen when it is issued. Later changes to
 * the profile, the client or the rules never change an issued document.
 */
export interface InvoiceSnapshot {
  version: 1;
  kind: 'invoice' | 'credit-note';
  number: string;
  issueDate: string;
  dueDate: string;
  taxPoint: string | null;
  /** The rule that chose the tax point, and in plain words why; absent on documents issued before it was kept. */
  taxPointRule?: { rule: TaxPointRule; explanation: string };
  supplyStart: string | null;
  supplyEnd: string | null;
  poNumber: string | null;
  notes: string | null;
  paymentTermsDays: number;
  currency: CurrencyCode;
  paperSize: 'A4' | 'Letter';
  supplier: PartySnapshot & {
    companyNumber: string | null;
    email: string | null;
    phone: string | null;
    website: string | null;
    /** Stored once in the logos table; documents refer to it by hash. */
    logo: { mimeType: string; sha256: string } | null;
  };
  customer: PartySnapshot & {
    contactName: string | null;
    contactEmail: string | null;
    /** The reverse-charge mention in the client's language, printed beside the English note when the client asks for it; absent on older documents. */
    localReverseCharge?: string | null;
  };
  treatment: { category: VatCategory; rate: string; reason: string; overridden: boolean };
  lines: InvoiceLineInput[];
  calculation: InvoiceCalculation;
  /** The settings the figures were calculated with, so a credit note rounds as its invoice did; absent on documents issued before they were kept. */
  settings?: InvoiceSettings;
  fx: { rate: string; source: FxSource; date: string } | null;
  bank: BankSnapshot | null;
  creditFor: { number: string; issueDate: string } | null;
  creditReason: string | null;
  /** The timesheet printed as an appendix when the contract asks for one: each billed time entry's local day (ISO), raw seconds and note. Absent otherwise. */
  timesheet?: TimesheetRow[];
}

export interface TimesheetRow {
  workDate: string;
  seconds: number;
  note: string;
}
