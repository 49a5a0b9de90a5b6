import type { Client } from '../../../shared/api/clients';
import type { Profile } from '../../../shared/api/profile';
import type { InvoicingSettings } from '../../../shared/api/settings';
import type { InvoiceSnapshot } from '../../../shared/invoice/snapshot';
import type { FxSource } from '../../../shared/money/fx';
import { streetLines } from '../../../shared/clients/address';
import { localReverseChargeWording } from '../../../shared/vat/reverse-charge-wording';
import type { DocumentTerms, Evaluation } from '../../../shared/invoice/evaluate';

export interface SnapshotInput {
  kind: 'invoice' | 'credit-note';
  number: string;
  profile: Profile;
  client: Client;
  settings: InvoicingSettings;
  terms: DocumentTerms & { supplyStart: string | null; supplyEnd: string | null; poNumber: string | null; notes: string | null };
  evaluation: Evaluation;
  fx: { rate: string; source: FxSource; date: string } | null;
  creditFor: { number: string; issueDate: string } | null;
  creditReason: string | null;
  logo: { mimeType: string; sha256: string } | null;
}

/** The business as every document it issues prints it (invoices, credit notes, contracts), frozen with the document. */
export function supplierSnapshot(profile: Profile, logo: { mimeType: string; sha256: string } | null): InvoiceSnapshot['supplier'] {
  return {
    name: profile.businessName,
    legalName: profile.legalName,
    addressLines: streetLines(profile, profile.country),
    country: profile.country,
    vatNumber: profile.vatRegistered ? profile.vatNumber : null,
    companyNumber: profile.companyNumber,
    email: profile.email,
    phone: profile.phone,
    website: profile.website,
    logo,
  };
}

/** Freezes what the document prints: later edits to the profile or client never reach it. */
export function buildSnapshot(input: SnapshotInput): InvoiceSnapshot {
  const { profile, client, evaluation, terms } = input;
  const billing = client.contacts.find((c) => c.isBilling) ?? null;
  const bank = profile.bankAccounts.find((b) => b.currency === terms.currency) ?? null;
  return {
    version: 1,
    kind: input.kind,
    number: input.number,
    issueDate: terms.issueDate,
    dueDate: evaluation.dueDate,
    taxPoint: evaluation.taxPoint.date,
    taxPointRule: { rule: evaluation.taxPoint.rule, explanation: evaluation.taxPoint.explanation },
    supplyStart: terms.supplyStart,
    supplyEnd: terms.supplyEnd,
    poNumber: terms.poNumber,
    notes: terms.notes,
    paymentTermsDays: terms.paymentTermsDays,
    currency: terms.currency,
    paperSize: input.settings.paperSize,
    supplier: supplierSnapshot(profile, input.logo),
    customer: {
      name: client.name,
      legalName: client.legalName,
      addressLines: streetLines(client, client.country),
      country: client.country,
      vatNumber: evaluation.treatment.printCustomerVatNumber ? client.taxNumber : null,
      contactName: billing?.name ?? null,
      contactEmail: billing?.email ?? null,
      localReverseCharge: client.printLocalReverseCharge && evaluation.vat.category === 'reverse-charge' ? localReverseChargeWording(client.country) : null,
    },
    treatment: { category: evaluation.vat.category, rate: evaluation.vat.rate, reason: evaluation.treatment.reason, overridden: evaluation.vat.overridden },
    lines: terms.lines,
    calculation: evaluation.calculation,
    settings: evaluation.settings,
    fx: input.fx,
    bank: bank && {
      accountHolder: bank.accountHolder,
      bankName: bank.bankName,
      iban: bank.iban,
      bic: bank.bic,
      accountNumber: bank.accountNumber,
      sortCode: bank.sortCode,
      routingNumber: bank.routingNumber,
      details: bank.details,
    },
    creditFor: input.creditFor,
    creditReason: input.creditReason,
  };
}
