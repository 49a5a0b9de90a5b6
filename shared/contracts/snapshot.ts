import type { PartySnapshot } from '../invoice/snapshot';
import type { CurrencyCode } from '../reference/currencies';
import type { BillingCycle, Budget, ContractFx, ExpensePolicy, Ir35Status, NoticeUnit, ResolvedRate, Retainer, TimeRounding } from './types';

/**
 * Everything a contract (engagement letter) PDF prints, frozen when a version is signed. Later
 * changes to the profile, the client or the rate card never change a signed version's document.
 */
export interface ContractSnapshot {
  version: 1;
  /** The contract's reference ("C-0007") and this version's number (1 is the original, 2+ amendments). */
  reference: string;
  versionNumber: number;
  /** ISO date this version takes effect (the start date for version 1). */
  effectiveFrom: string;
  /** ISO date the document was produced (signing date). */
  documentDate: string;
  paperSize: 'A4' | 'Letter';
  supplier: PartySnapshot & {
    companyNumber: string | null;
    email: string | null;
    phone: string | null;
    website: string | null;
    logo: { mimeType: string; sha256: string } | null;
  };
  customer: PartySnapshot & { contactName: string | null; contactEmail: string | null };
  title: string;
  /** Free text, may hold several paragraphs separated by blank lines. */
  scope: string;
  startDate: string;
  /** Null for open-ended. */
  endDate: string | null;
  notice: { amount: number; unit: NoticeUnit };
  currency: CurrencyCode;
  rate: ResolvedRate;
  /** Set when the rate card's currency differs from the contract currency. */
  fx: ContractFx | null;
  billingCycle: BillingCycle;
  paymentTermsDays: number;
  poNumber: string | null;
  rounding: TimeRounding;
  expensePolicy: ExpensePolicy;
  retainer: Retainer | null;
  budget: Budget | null;
  /** UK contractors only; null elsewhere. */
  ir35: { status: Ir35Status; sdsReceived: boolean; sdsDate: string | null } | null;
}
