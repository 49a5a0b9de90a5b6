import type { Db, DbOrTx } from '../../../db/client';
import { getClient } from '../../../db/clients';
import { getContract, getVersionSnapshot, insertContractDocument, listContractDocuments, listVersions, setContractStatus, signVersion, type StoredVersion } from '../../../db/contracts';
import { DocumentError, documentsDir, putDocument, readDocument, sha256Of } from '../../../db/documents';
import { logoBySha } from '../../../db/logos';
import { currentLogoRef, getProfile } from '../../../db/profile';
import { getInvoicingSettings } from '../../../db/settings';
import { COUNTERSIGNED_MAX_BYTES, type Contract, type ContractTerms } from '../../../shared/api/contracts';
import { streetLines } from '../../../shared/clients/address';
import type { ContractSnapshot } from '../../../shared/contracts/snapshot';
import { toMajorString } from '../../../shared/money/money';
import { AppError, found, profileMissing } from '../errors';
import { sanitizeFileName } from '../invoicing/file-names';
import { supplierSnapshot } from '../invoicing/snapshot';
import { renderContractPdf } from '../pdf/contract-pdf';
import { contractDetail, contractReference } from './contracts';
import { storedTerms } from './terms';

export interface ContractPdf {
  pdf: Buffer;
  sha256: string;
  fileName: string;
}

/** The terms a stored version was saved from, to resolve its rate again at signing. */
function termsOf(clientId: number, v: StoredVersion): ContractTerms {
  const discount: ContractTerms['discount'] =
    v.discountRuleId !== null ? { kind: 'rule', ruleId: v.discountRuleId } : v.discountPercent !== '0' ? { kind: 'custom', percent: v.discountPercent, reason: v.discountReason ?? '' } : { kind: 'none' };
  return { ...v, clientId, discount };
}

function snapshotOf(db: DbOrTx, contract: { id: number; clientId: number }, v: StoredVersion, today: string): ContractSnapshot {
  const profile = found(getProfile(db), profileMissing());
  const client = found(getClient(db, contract.clientId), 'This client');
  const billing = client.contacts.find((c) => c.isBilling) ?? null;
  return {
    version: 1,
    reference: contractReference(contract.id),
    versionNumber: v.versionNumber,
    effectiveFrom: v.effectiveFrom,
    documentDate: today,
    paperSize: getInvoicingSettings(db).paperSize,
    supplier: supplierSnapshot(profile, currentLogoRef(db)),
    customer: {
      name: client.name,
      legalName: client.legalName,
      addressLines: streetLines(client, client.country),
      country: client.country,
      vatNumber: client.taxNumber,
      contactName: billing?.name ?? null,
      contactEmail: billing?.email ?? null,
    },
    title: v.title,
    scope: v.scope,
    startDate: v.startDate,
    endDate: v.endDate,
    notice: v.notice,
    currency: v.currency,
    rate: {
      unit: v.unit,
      hoursPerDay: v.hoursPerDay,
      listRate: toMajorString(v.listAmountMinor, v.listCurrency),
      listCurrency: v.listCurrency,
      discountPercent: v.discountPercent,
      discountReason: v.discountReason,
      rate: v.resolvedRate,
      currency: v.currency,
    },
    fx: v.fx,
    billingCycle: v.billingCycle,
    paymentTermsDays: v.paymentTermsDays,
    poNumber: v.poNumber,
    rounding: v.rounding,
    expensePolicy: v.expensePolicy,
    retainer: v.retainer,
    budget: v.budget,
    ir35: profile.country === 'GB' ? v.ir35 : null,
  };
}

function render(db: DbOrTx, snapshot: ContractSnapshot, signedAt: string): Promise<Buffer> {
  const logo = snapshot.supplier.logo ? (logoBySha(db, snapshot.supplier.logo.sha256) ?? null) : null;
  return renderContractPdf(snapshot, { createdAt: new Date(signedAt), logo: logo && { ...logo, sha256: snapshot.supplier.logo!.sha256 } });
}

function fileNameOf(snapshot: ContractSnapshot): string {
  return sanitizeFileName(`${snapshot.reference} v${snapshot.versionNumber} ${snapshot.customer.name}.pdf`);
}

/**
 * Signs the contract's unsigned version: its rate is resolved again (a card price or discount tier
 * that changed since the last save is refused, so what is signed is what was shown), the PDF is
 * rendered from a frozen snapshot and put in the documents store, then the version is frozen
 * with its hash (a trigger refuses any later change). The first signature moves the contract to
 * signed. Throws NOT_FOUND, CONFLICT (nothing to sign, ended or cancelled, the terms changed
 * meanwhile), and what storedTerms throws.
 */
export async function signContract(db: Db, id: number, now: string, today: string): Promise<Contract> {
  const row = found(getContract(db, id), 'This contract');
  if (row.status === 'ended' || row.status === 'cancelled') throw new AppError('CONFLICT', `This contract is ${row.status}; it can't be signed.`);
  const draft = listVersions(db, id).find((v) => v.signedAt === null);
  if (!draft) throw new AppError('CONFLICT', 'Every version of this contract is already signed.');
  const fresh = storedTerms(db, termsOf(row.clientId, draft), draft.effectiveFrom, id, draft);
  if (fresh.resolvedRate !== draft.resolvedRate || fresh.discountPercent !== draft.discountPercent || fresh.listAmountMinor !== draft.listAmountMinor) {
    throw new AppError('CONFLICT', `The rate has changed since this version was saved (now ${fresh.resolvedRate} ${fresh.currency}). Open the contract, check the rate and save it again before signing.`);
  }
  const snapshot = snapshotOf(db, row, draft, today);
  const pdf = await render(db, snapshot, now);
  const sha256 = await putDocument(documentsDir(db), pdf);
  return db.transaction((tx) => {
    const again = listVersions(tx, id).find((v) => v.id === draft.id);
    if (!again || again.signedAt !== null || again.updatedAt !== draft.updatedAt) throw new AppError('CONFLICT', 'This contract changed while it was being signed. Check it and sign again.');
    signVersion(tx, draft.id, { signedAt: now, snapshot, pdfSha256: sha256 });
    if (draft.versionNumber === 1) setContractStatus(tx, id, 'signed', now);
    return contractDetail(tx, id, today);
  });
}

/**
 * A signed version's PDF: the stored bytes, checked against their SHA-256; a lost or damaged file
 * is rendered again from the snapshot and put back only if it hashes the same. Throws NOT_FOUND
 * (unknown version, or a lost file whose new render differs), CONFLICT for an unsigned version.
 */
export async function contractVersionPdf(db: DbOrTx, versionId: number): Promise<ContractPdf> {
  const stored = found(getVersionSnapshot(db, versionId), 'This contract version');
  if (!stored.snapshot || !stored.pdfSha256) throw new AppError('CONFLICT', 'Sign this version to get its PDF.');
  const { snapshot, pdfSha256 } = stored;
  const fileName = fileNameOf(snapshot);
  const name = `PDF of ${snapshot.reference} version ${snapshot.versionNumber}`;
  try {
    return { pdf: await readDocument(documentsDir(db), pdfSha256, name), sha256: pdfSha256, fileName };
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    const signedAt = listVersions(db, stored.contractId).find((v) => v.id === versionId)!.signedAt!;
    const again = await render(db, snapshot, signedAt);
    if (sha256Of(again) !== pdfSha256) throw new AppError('NOT_FOUND', error.message);
    await putDocument(documentsDir(db), again);
    return { pdf: again, sha256: pdfSha256, fileName };
  }
}

/**
 * Keeps the countersigned PDF the client returned for a signed version, by content hash in the
 * documents store. Checks the size and that the bytes really are a PDF (the %PDF- header and an
 * %%EOF trailer), whatever the file is called. Throws NOT_FOUND, CONFLICT for an unsigned version,
 * VALIDATION on `file`.
 */
export async function attachCountersigned(db: Db, input: { versionId: number; fileName: string; dataBase64: string }, now: string, today: string): Promise<Contract> {
  const stored = found(getVersionSnapshot(db, input.versionId), 'This contract version');
  if (!stored.pdfSha256) throw new AppError('CONFLICT', 'Sign this version before attaching the countersigned copy.');
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty.', { file: 'The file is empty' });
  if (bytes.length > COUNTERSIGNED_MAX_BYTES) throw new AppError('VALIDATION', 'The file is larger than 20 MB.', { file: 'Choose a PDF of at most 20 MB' });
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-' || !tail.includes('%%EOF')) throw new AppError('VALIDATION', 'This file is not a PDF.', { file: 'This file is not a PDF' });
  const sha256 = await putDocument(documentsDir(db), bytes);
  return db.transaction((tx) => {
    insertContractDocument(tx, { contractVersionId: input.versionId, sha256, fileName: sanitizeFileName(input.fileName, 'countersigned.pdf'), byteSize: bytes.length }, now);
    return contractDetail(tx, stored.contractId, today);
  });
}

/** A countersigned PDF by its id, checked against its hash. Throws NOT_FOUND. */
export async function countersignedPdf(db: DbOrTx, contractId: number, documentId: number): Promise<ContractPdf> {
  const doc = found(
    listContractDocuments(db, contractId).find((d) => d.id === documentId),
    'This document',
  );
  try {
    return { pdf: await readDocument(documentsDir(db), doc.sha256, doc.fileName), sha256: doc.sha256, fileName: doc.fileName };
  } catch (error) {
    if (error instanceof DocumentError) throw new AppError('NOT_FOUND', error.message);
    throw error;
  }
}
