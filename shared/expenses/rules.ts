import { crossRate, parseRate } from '../money/fx';
import type { CurrencyCode } from '../reference/currencies';

/**
 * What an expense is for. The same list as the `expenses.category` enum in db/schema.ts (a db
 * test holds them equal); shared/ cannot import the schema.
 */
export const EXPENSE_CATEGORIES = ['travel', 'accommodation', 'meals', 'mileage', 'software', 'equipment', 'office', 'training', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ExpenseCategory, string> = {
  travel: 'Travel',
  accommodation: 'Accommodation',
  meals: 'Meals',
  mileage: 'Mileage',
  software: 'Software',
  equipment: 'Equipment',
  office: 'Office',
  training: 'Training',
  other: 'Other',
};

/** How a rebillable expense goes on the client's invoice (rules §1.6). */
export const REBILL_KINDS = ['recharge', 'disbursement'] as const;
export type RebillKind = (typeof REBILL_KINDS)[number];

/**
 * One sentence per kind for the form, from rules §1.6: a recharge is part of the fee and takes the
 * fee's VAT; a disbursement is paid as the client's agent and is outside the scope of VAT, which
 * HMRC allows only when all its conditions hold.
 */
export const REBILL_KIND_HELP: Record<RebillKind, { label: string; help: string }> = {
  recharge: {
    label: 'Recharge',
    help: 'Part of your service: invoiced net of any VAT you reclaim, and charged VAT like your fee. The usual choice for travel and hotels.',
  },
  disbursement: {
    label: 'Disbursement',
    help: 'Paid as the client\u2019s agent for something they ordered, received and owed (e.g. a fee in their name): passed on at exact cost, outside the scope of VAT. Only if all of HMRC\u2019s conditions hold.',
  },
};

/** Text limits, in characters. */
export const EXPENSE_LIMITS = { supplier: 200, description: 500 } as const;

/** The file types a receipt may be. HEIC is in the schema, but nothing the app ships can read it, so it is refused with a way out. */
export const RECEIPT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];

/** The most a receipt may weigh: a phone photo or a few scanned pages fit well within it. */
export const RECEIPT_MAX_BYTES = 20 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * The real type of a receipt's bytes, by their magic numbers, whatever the file is called: a PDF
 * starts `%PDF-` and ends with `%%EOF` in its last kilobyte, a PNG with its 8-byte signature, a
 * JPEG with FF D8 FF. `heic` for an HEIC/HEIF photo (an ISO-BMFF `ftyp` box naming a HEIF brand),
 * `null` for anything else.
 */
export function sniffReceipt(bytes: Uint8Array): ReceiptType | 'heic' | null {
  if (ascii(bytes, 0, 5) === '%PDF-' && ascii(bytes, Math.max(0, bytes.length - 1024), bytes.length).includes('%%EOF')) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 4, 8) === 'ftyp' && ['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1', 'hevc', 'hevx'].includes(ascii(bytes, 8, 12))) return 'heic';
  return null;
}

const TYPE_NAMES: Record<ReceiptType, string> = { 'application/pdf': 'a PDF', 'image/jpeg': 'a JPEG image', 'image/png': 'a PNG image' };

/** The type a file name claims by its extension, or null for a name without a known one. */
function claimedType(fileName: string): ReceiptType | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'pdf') return 'application/pdf';
  if (ext === 'png') return 'image/png';
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  return null;
}

/**
 * Checks a receipt file: not empty, at most RECEIPT_MAX_BYTES, and really a PDF, JPEG or PNG;
 * a name ending .pdf must hold a PDF and one ending .png/.jpg/.jpeg an image. Returns the type, or the
 * problem as a sentence naming the file ("receipt.pdf is not a PDF: it holds a PNG image").
 */
export function checkReceipt(fileName: string, bytes: Uint8Array): { ok: true; type: ReceiptType } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: `${fileName} is empty` };
  if (bytes.length > RECEIPT_MAX_BYTES) return { ok: false, message: `${fileName} is larger than 20 MB; choose a smaller scan or photo` };
  const real = sniffReceipt(bytes);
  if (real === 'heic') return { ok: false, message: `${fileName} is a HEIC photo, which Billable can't read; export it as JPEG (or take a screenshot) and attach that` };
  const claimed = claimedType(fileName);
  if (real === null) return { ok: false, message: claimed ? `${fileName} is not ${TYPE_NAMES[claimed]}: its contents are not a PDF, JPEG or PNG` : `${fileName} is not a PDF, JPEG or PNG file` };
  // A photo saved as .jpg that is really a PNG is still the photo; a "PDF" that is an image (or the reverse) is the wrong file.
  if (claimed && (claimed === 'application/pdf') !== (real === 'application/pdf')) return { ok: false, message: `${fileName} is not ${TYPE_NAMES[claimed]}: it holds ${TYPE_NAMES[real]}. Rename it or choose the right file` };
  return { ok: true, type: real };
}

/**
 * Whether an expense needs a conversion rate to its contract's currency: only when it has a
 * contract and the currencies differ. Returns the problem with `fx` as field path → message
 * ("fx.rate": required, or "fx": refused when the currencies match), empty when it holds.
 */
export function expenseFxProblems(currency: CurrencyCode, contractCurrency: CurrencyCode | null, fx: { rate: string; date: string } | null): Record<string, string> {
  const needed = contractCurrency !== null && contractCurrency !== currency;
  if (needed && fx === null) return { 'fx.rate': `Enter how many ${contractCurrency} 1 ${currency} was worth, so the contract's invoice can bill it` };
  if (!needed && fx !== null) return { 'fx.rate': contractCurrency === null ? 'Only an expense on a contract in another currency takes a rate' : `The contract is in ${currency} too, so no rate is needed` };
  return {};
}

/**
 * The rate an expense converts at, units of `contractCurrency` per 1 `currency`, from stored
 * rates quoted as units per 1 unit of `home` (the exchange-rate store's quotes, `perHome`; the
 * home currency itself needs none). Exact when one side is the home currency and the stored
 * quote is the rate itself; otherwise the quotient, rounded half-up once to 6 places
 * (crossRate). Null when a quote it needs is missing: a rate is never guessed.
 */
export function rateFromHomeQuotes(currency: CurrencyCode, contractCurrency: CurrencyCode, home: CurrencyCode, perHome: Partial<Record<CurrencyCode, string>>): string | null {
  const quote = (c: CurrencyCode) => (c === home ? '1' : (perHome[c] ?? null));
  const contractPerHome = quote(contractCurrency);
  const expensePerHome = quote(currency);
  if (contractPerHome === null || expensePerHome === null) return null;
  if (expensePerHome === '1') return contractPerHome;
  return crossRate(parseRate(contractPerHome), parseRate(expensePerHome));
}

/** Where an expense stands with billing: derived from rebillable and its invoice link. */
export const BILLING_STATES = ['not-rebillable', 'unbilled', 'draft', 'invoiced'] as const;
export type BillingState = (typeof BILLING_STATES)[number];

export const BILLING_STATE_LABELS: Record<BillingState, string> = {
  'not-rebillable': 'Not rebillable',
  unbilled: 'Unbilled',
  draft: 'On draft invoice',
  invoiced: 'Invoiced',
};

/** The badge text for a billing state: an invoiced expense names its invoice ("Invoiced INV-2026-0004"). */
export function billingStateLabel(state: BillingState, invoiceNumber: string | null): string {
  return state === 'invoiced' && invoiceNumber ? `Invoiced ${invoiceNumber}` : BILLING_STATE_LABELS[state];
}

/**
 * Why an expense linked to an invoice can't be changed or deleted, or null when it is free: an
 * issued invoice is a legal record (named by number); a draft holds it until the draft, or its
 * line, is deleted. `action` is 'changed' or 'deleted'.
 */
export function lockProblem(link: { status: 'draft' | 'issued'; number: string | null; clientName: string } | null, action: 'changed' | 'deleted'): string | null {
  if (link === null) return null;
  if (link.status !== 'draft') return `This expense is on invoice ${link.number ?? ''}, which is issued, so it can't be ${action}. Issue a credit note if it was billed in error.`;
  return `This expense is on a draft invoice for ${link.clientName}. Delete that draft, or its line for this expense, to release it; then it can be ${action}.`;
}
