/**
 * A decade of a consultant's book, generated deterministically through the app's own router and
 * services, so every row is what the app itself would have written (numbers, snapshots, totals,
 * home-currency values, triggers). Other benchmarks and screenshots seed from it.
 */
import fs from 'node:fs';
import { issueCreditNote } from '../../electron/main/invoicing/credit-notes';
import { storeIssuedPdf, type IssuedDocument } from '../../electron/main/invoicing/documents';
import { issueInvoice } from '../../electron/main/invoicing/issue';
import type { CallInput } from '../../shared/api/contract';
import { openApi } from '../../test/api-client';

export interface DecadeOptions {
  /** Multiplies every count (clients, invoices, lines, payments); 1 is 400 clients and 6,000 invoices. */
  scale: number;
  /** How many of the newest issued documents get a stored PDF rendered now; the rest render on first print. */
  pdfs: number;
  /** Progress lines (e.g. console.log); silent when omitted. */
  log?: (line: string) => void;
}

export interface DecadeSummary {
  clients: number;
  invoices: number;
  creditNotes: number;
  drafts: number;
  /** Lines on the issued invoices (credit notes and drafts have their own few). */
  lines: number;
  payments: number;
  storedPdfs: number;
  seconds: number;
}

/** Counts at scale 1: the book the issue's figures were measured on. */
export const DECADE_AT_1X = { clients: 400, invoices: 6_000, lines: 56_000, payments: 5_400, creditNotes: 60, drafts: 30 } as const;

/** Writes to the data file in batches of this many invoices, one transaction each, so seeding is not one fsync per call. */
const BATCH = 250;

/** mulberry32: a tiny seeded PRNG, so the same scale always writes the same book. Returns numbers in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Acme', 'Initech', 'Globex', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Soylent', 'Vandelay', 'École', 'Müller', 'Ørsted', 'Łódź', 'Zürich', 'Sørensen', 'Čapek', 'Ångström', 'Über', 'Straße'];
const SECOND = ['Analytics', 'Data', 'Systems', 'Labs', 'Consulting', 'Retail', 'Logistics', 'Health', 'Energy', 'Media', 'Polytechnique', 'Finance', 'Robotics', 'Foods', 'Studios', 'Partners', 'Networks', 'Software', 'Capital', 'Works'];
const COUNTRIES = [
  { country: 'GB', currency: 'GBP', timezone: 'Europe/London', city: 'Leeds', weight: 6 },
  { country: 'DE', currency: 'EUR', timezone: 'Europe/Berlin', city: 'Berlin', weight: 1 },
  { country: 'FR', currency: 'EUR', timezone: 'Europe/Paris', city: 'Paris', weight: 1 },
  { country: 'US', currency: 'USD', timezone: 'America/New_York', city: 'New York', weight: 1 },
  { country: 'NL', currency: 'EUR', timezone: 'Europe/Amsterdam', city: 'Utrecht', weight: 1 },
] as const;
const WORK = ['Postgres performance review', 'Query plan audit', 'Index design workshop', 'Connection pooling', 'Replication setup', 'On-call support', 'Schema migration', 'Capacity planning', 'Training day', 'Incident review'];
/** Units of the foreign currency per 1 GBP, fixed so the book is deterministic. */
const FX: Record<string, string> = { EUR: '1.1650', USD: '1.2710' };

const profile = {
  businessName: 'Ada Performance',
  legalName: 'Ada Performance Ltd',
  addressLine1: '1 Example Street',
  city: 'London',
  postalCode: 'EC1A 1AA',
  country: 'GB',
  homeCurrency: 'GBP',
  vatRegistered: true,
  vatNumber: 'GB123456782',
  defaultPaymentTermsDays: 30,
  email: 'billing@ada-performance.example',
  bankAccounts: [
    { currency: 'GBP', accountHolder: 'Ada Performance Ltd', accountNumber: '12345678', sortCode: '12-34-56' },
    { currency: 'EUR', accountHolder: 'Ada Performance Ltd', iban: 'GB82 WEST 1234 5698 7654 32', bic: 'WESTGB2L' },
    { currency: 'USD', accountHolder: 'Ada Performance Ltd', accountNumber: '987654321', routingNumber: '026009593' },
  ],
} satisfies CallInput<'profile.save'>;

function isoDay(start: number, days: number): string {
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Writes the book into `dataDir` (created if missing; it must not hold a book already). Dates run
 * over the ten years before 2026-01-01; the newest tenth of the invoices is left unpaid (some of
 * it overdue), every twentieth paid one only half paid, and a credit note against every tenth
 * unpaid one. Returns what was written and how long it took.
 * Throws if the folder already holds a business profile, or if a call is refused.
 */
export async function seedDecade(dataDir: string, options: DecadeOptions): Promise<DecadeSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const scale = options.scale;
  fs.mkdirSync(dataDir, { recursive: true });
  let clock = new Date('2016-01-01T09:00:00Z');
  const api = openApi(dataDir, () => clock);
  const { sqlite, db } = api.holder.store();
  try {
    if (await api.call('profile.get')) throw new Error(`${dataDir} already holds a book; choose an empty folder`);
    // Every batch commits as one transaction; a crash mid-seed loses only a seed, so no fsync per page.
    sqlite.pragma('synchronous = off');
    await api.call('profile.save', profile);
    const rand = random(20_260_101 + scale);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;

    const clientCount = DECADE_AT_1X.clients * scale;
    const weighted = COUNTRIES.flatMap((c) => Array.from({ length: c.weight }, () => c));
    const clients: { id: number; currency: string }[] = [];
    sqlite.exec('begin');
    for (let i = 0; i < clientCount; i++) {
      const place = pick(weighted);
      const name = `${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}${i >= FIRST.length * SECOND.length ? ` ${Math.floor(i / (FIRST.length * SECOND.length)) + 1}` : ''}`;
      const client = await api.call('clients.create', {
        name,
        country: place.country,
        city: place.city,
        addressLine1: `${1 + (i % 200)} High Street`,
        timezone: place.timezone,
        currency: place.currency,
        customerType: i % 15 === 14 ? 'consumer' : 'business',
        tags: i % 3 === 0 ? ['retainer'] : i % 3 === 1 ? ['postgres', 'audit'] : [],
      });
      await api.call('contacts.create', { clientId: client.id, name: `Accounts ${i + 1}`, email: `accounts${i + 1}@client${i + 1}.example`, isBilling: true });
      clients.push({ id: client.id, currency: place.currency });
    }
    sqlite.exec('commit');
    log(`${clientCount} clients`);

    const invoiceCount = DECADE_AT_1X.invoices * scale;
    const unpaidFrom = invoiceCount - invoiceCount / 10;
    const start = Date.parse('2016-01-04T00:00:00Z');
    const span = 3650 - 40;
    let lines = 0;
    let payments = 0;
    let creditNotes = 0;
    const issued: IssuedDocument[] = [];
    for (let first = 0; first < invoiceCount; first += BATCH) {
      sqlite.exec('begin');
      for (let i = first; i < Math.min(first + BATCH, invoiceCount); i++) {
        const client = clients[Math.floor(rand() * clients.length)]!;
        const issueDate = isoDay(start, Math.floor((i * span) / invoiceCount));
        clock = new Date(`${issueDate}T10:00:00Z`);
        // 9 or 10 lines: 56,000 over 6,000 invoices, as the measured book had.
        const lineCount = i % 3 === 0 ? 10 : 9;
        lines += lineCount;
        const draft = await api.call('invoices.createDraft', {
          clientId: client.id,
          currency: client.currency as 'GBP',
          issueDate,
          paymentTermsDays: 30,
          lines: Array.from({ length: lineCount }, (_, n) => ({
            description: `${pick(WORK)}, session ${n + 1}`,
            kind: n === lineCount - 1 ? ('expense' as const) : ('fee' as const),
            quantity: n === lineCount - 1 ? '1' : pick(['0.5', '1', '2.25', '7.5']),
            unit: n === lineCount - 1 ? ('item' as const) : ('hour' as const),
            unitPrice: n === lineCount - 1 ? pick(['12.40', '84.20', '230']) : pick(['95', '150', '300', '275.50']),
          })),
        });
        const fx = client.currency === 'GBP' ? null : { rate: FX[client.currency]!, source: 'other' as const, date: issueDate };
        const doc = issueInvoice(db, draft.id, fx, clock.toISOString());
        issued.push(doc);
        const detail = await api.call('invoices.get', { id: draft.id });
        if (i < unpaidFrom) {
          clock = new Date(Date.parse(`${issueDate}T12:00:00Z`) + 20 * 86_400_000);
          const half = i % 20 === 19;
          const amount = half ? Math.floor(detail.payable / 2) : detail.payable;
          await api.call('payments.record', { invoiceId: draft.id, date: clock.toISOString().slice(0, 10), amount: (amount / 100).toFixed(2), method: 'bank-transfer' });
          payments++;
        } else if ((i - unpaidFrom) % 10 === 0) {
          const note = issueCreditNote(db, { invoiceId: draft.id, issueDate, reason: 'Session cancelled', lines: [{ lineId: detail.lines[0]!.id, quantity: detail.lines[0]!.quantity }] }, clock.toISOString());
          issued.push(note);
          creditNotes++;
        }
      }
      sqlite.exec('commit');
      if ((first / BATCH) % 4 === 3) log(`${Math.min(first + BATCH, invoiceCount)} invoices`);
    }

    const draftCount = DECADE_AT_1X.drafts * scale;
    clock = new Date('2026-01-02T09:00:00Z');
    sqlite.exec('begin');
    for (let i = 0; i < draftCount; i++) {
      const client = clients[i % clients.length]!;
      await api.call('invoices.createDraft', {
        clientId: client.id,
        currency: client.currency as 'GBP',
        issueDate: '2026-01-02',
        paymentTermsDays: 30,
        lines: [{ description: pick(WORK), kind: 'fee', quantity: '1', unit: 'day', unitPrice: '1200' }],
      });
    }
    sqlite.exec('commit');

    const withPdf = issued.slice(-options.pdfs);
    for (const doc of withPdf) await storeIssuedPdf(db, doc, doc.issuedAt);
    sqlite.pragma('wal_checkpoint(truncate)');
    return {
      clients: clientCount,
      invoices: invoiceCount,
      creditNotes,
      drafts: draftCount,
      lines,
      payments,
      storedPdfs: withPdf.length,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('rollback');
    throw error;
  } finally {
    await api.holder.settled();
    api.holder.close();
  }
}
