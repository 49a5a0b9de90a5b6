import PDFDocument from 'pdfkit';
import type { PartySnapshot } from '../../../shared/invoice/snapshot';
import { withCountry } from '../../../shared/clients/address';
import { taxNumberLabel } from '../../../shared/tax/vat-number';
import { font, type FontRole } from './fonts';
import { layoutText, type LaidLine, type Measure } from './text-layout';
import type { logoImage } from './images';
import { safeLinkUrl } from './links';

/** The documents' palette and page geometry (points), shared so invoices and contracts look alike. */
export const INK = '#1d2433';
export const MUTED = '#5b6475';
export const ACCENT = '#2d4b81';
export const RULE = '#d9dee8';
export const BAND = '#f1f4f9';
export const MARGIN = 48;
export const FOOTER = 26;

export type Doc = PDFKit.PDFDocument;

const registered = new WeakMap<Doc, Set<FontRole>>();
const colors = new WeakMap<Doc, string>();

/** pdfkit writes a colour operator on every call; only write one when the colour changes. */
function useColor(doc: Doc, color: string): void {
  if (colors.get(doc) !== color) {
    doc.fillColor(color);
    colors.set(doc, color);
  }
}

/** Call after drawing a filled shape: pdfkit's fill set the colour behind write()'s back. */
export function forgetColor(doc: Doc): void {
  colors.delete(doc);
}

/**
 * Selects a font by its registered name. Passing pdfkit the font object instead made it compare
 * fonts by serialising their name tables on every call, which dominated rendering time.
 */
function useFont(doc: Doc, role: FontRole): void {
  let roles = registered.get(doc);
  if (!roles) registered.set(doc, (roles = new Set()));
  if (!roles.has(role)) {
    // Registering only the fonts a document draws with keeps the others out of the file and unparsed.
    doc.registerFont(role, font(role) as unknown as PDFKit.Mixins.PDFFontSource);
    roles.add(role);
  }
  doc.font(role);
}

/** Sizes in points; `width` wraps and aligns the text, without it each paragraph is one line. */
export interface TextOptions {
  size?: number;
  bold?: boolean;
  color?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  link?: string | null;
}

const LINE_GAP = 1.5;

function measureIn(doc: Doc): Measure {
  return (text, role) => {
    useFont(doc, role);
    return doc.widthOfString(text);
  };
}

/**
 * The distance between baselines for text of `size` points. Every line is spaced by Noto Sans's
 * metrics, whichever fonts draw it, so a Korean or Arabic word does not push its line apart from
 * the Latin ones around it.
 */
export function lineHeight(size: number): number {
  const latin = font('latin');
  return ((latin.ascent - latin.descent) * size) / latin.unitsPerEm + LINE_GAP;
}

/** `text` wrapped to `o.width` points at `o.size` (default 9), in display order (text-layout.ts), for drawLines(). */
export function layoutLines(doc: Doc, text: string, o: TextOptions = {}): LaidLine[] {
  doc.fontSize(o.size ?? 9);
  return layoutText(text, { bold: o.bold ?? false, maxWidth: o.width, measure: measureIn(doc) });
}

/**
 * Draws lines from layoutLines() (same options) with the first line's top at (x, y), aligned in
 * `o.width`; returns the y below the last line. Each run is drawn on its line's shared baseline.
 */
export function drawLines(doc: Doc, lines: LaidLine[], x: number, y: number, o: TextOptions = {}): number {
  const size = o.size ?? 9;
  doc.fontSize(size);
  useColor(doc, o.color ?? INK);
  const link = o.link ? { link: o.link, underline: false } : {};
  const baseline = (font('latin').ascent * size) / font('latin').unitsPerEm;
  const step = lineHeight(size);
  lines.forEach((line, i) => {
    const free = o.width === undefined ? 0 : o.width - line.width;
    const left = x + (o.align === 'right' ? free : o.align === 'center' ? free / 2 : 0);
    for (const run of line.runs) {
      useFont(doc, run.role);
      doc.text(run.text, left + run.x, y + i * step + baseline, { lineBreak: false, baseline: 'alphabetic', ...link });
    }
  });
  return y + lines.length * step;
}

/**
 * Draws text at (x, y) = top-left, wrapped to `o.width` and aligned in it, in as many fonts as it
 * needs and in display order; returns the y below its last line.
 */
export function write(doc: Doc, text: string, x: number, y: number, o: TextOptions = {}): number {
  return drawLines(doc, layoutLines(doc, text, o), x, y, o);
}

/** The height in points `text` takes wrapped to `width` at `size`. */
export function height(doc: Doc, text: string, width: number, size = 9, bold = false): number {
  return layoutLines(doc, text, { size, bold, width }).length * lineHeight(size);
}

/** A small capitals label ("FROM", "PAYMENT") with its top at (x, y); returns the y below it. */
export function writeLabel(doc: Doc, text: string, x: number, y: number): number {
  return write(doc, text.toUpperCase(), x, y, { size: 7.5, bold: true, color: MUTED });
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** An ISO date as the documents print it: "4 Dec 2026". */
export const day = (iso: string): string => dateFormat.format(new Date(`${iso}T00:00:00Z`));

/** The bottom of a page's body, above the footer, in points from the top. */
export function pageBottom(doc: Doc): number {
  return doc.page.height - MARGIN - FOOTER;
}

/**
 * A buffered, compressed document on `paperSize` with fixed metadata dated `createdAt`, so the
 * same content gives the same bytes; `done` resolves with the file once `doc.end()` is called and
 * rejects on a pdfkit error.
 */
export function openDocument(paperSize: 'A4' | 'Letter', info: { title: string; author: string; createdAt: Date }): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: paperSize === 'Letter' ? 'LETTER' : 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: true,
    font: null as unknown as string,
    info: {
      Title: info.title,
      Author: info.author,
      Creator: 'Billable',
      Producer: 'Billable',
      CreationDate: info.createdAt,
      ModDate: info.createdAt,
    },
  });
  // A new page starts with the default colour, so the cached one no longer holds.
  doc.on('pageAdded', () => colors.delete(doc));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/**
 * The first page's header: the logo (from images.ts; null draws the supplier's name instead) on
 * the left, and on the right the document's title, its reference and label–value rows.
 * Returns the y below the taller side.
 */
export function drawDocumentHeader(doc: Doc, h: { logo: Awaited<ReturnType<typeof logoImage>> | null; supplierName: string; title: string; reference: string; meta: [string, string][] }): number {
  const right = doc.page.width - MARGIN;
  let headerBottom: number;
  if (h.logo) {
    doc.image(h.logo as Buffer, MARGIN, MARGIN, { fit: [150, 56] });
    headerBottom = MARGIN + 56;
  } else {
    headerBottom = write(doc, h.supplierName, MARGIN, MARGIN, { size: 16, bold: true, color: ACCENT, width: 260 });
  }
  write(doc, h.title, right - 250, MARGIN - 2, { size: 20, bold: true, color: ACCENT, width: 250, align: 'right' });
  write(doc, h.reference, right - 250, MARGIN + 26, { size: 11, bold: true, width: 250, align: 'right' });
  let my = MARGIN + 48;
  for (const [label, value] of h.meta) {
    write(doc, label, right - 250, my, { color: MUTED, width: 110, align: 'right' });
    write(doc, value, right - 130, my, { width: 130, align: 'right' });
    my += 13;
  }
  return Math.max(headerBottom, my);
}

type Supplier = PartySnapshot & { companyNumber: string | null; email: string | null; phone: string | null; website: string | null };
type Customer = PartySnapshot & { contactName: string | null; contactEmail: string | null };

function drawParty(doc: Doc, title: string, party: PartySnapshot, extra: { text: string; link?: string | null }[], x: number, y: number, width: number): number {
  writeLabel(doc, title, x, y);
  let cy = write(doc, party.name, x, y + 13, { size: 11, bold: true, width });
  if (party.legalName && party.legalName !== party.name) cy = write(doc, party.legalName, x, cy + 1, { width });
  // A party known only by name and contact (a lead, on a proposal) has no address or country yet.
  for (const line of party.country ? withCountry(party.addressLines, party.country) : party.addressLines) cy = write(doc, line, x, cy + 1, { width, color: '#333a48' });
  if (party.vatNumber) cy = write(doc, `${taxNumberLabel(party.country)}: ${party.vatNumber}`, x, cy + 4, { width });
  for (const item of extra) cy = write(doc, item.text, x, cy + 1, { width, color: MUTED, link: item.link ?? null });
  return cy;
}

/**
 * The supplier (left) and customer (right) columns from `top`: name, legal name, address with
 * country, tax number, then the supplier's company number and contact details and the customer's
 * contact, prefixed with `titles.contact` ("Attn:"). Only https and mailto links are written.
 * Returns the y below the longer column.
 */
export function drawParties(doc: Doc, supplier: Supplier, customer: Customer, titles: { supplier: string; customer: string; contact: string }, top: number): number {
  const colWidth = (doc.page.width - 2 * MARGIN) / 2 - 12;
  const website = safeLinkUrl(supplier.website);
  const email = supplier.email ? safeLinkUrl(`mailto:${supplier.email}`) : null;
  const supplierExtra = [
    ...(supplier.companyNumber ? [{ text: `Company number: ${supplier.companyNumber}` }] : []),
    ...(supplier.email ? [{ text: supplier.email, link: email }] : []),
    ...(supplier.phone ? [{ text: supplier.phone }] : []),
    ...(supplier.website ? [{ text: supplier.website, link: website }] : []),
  ];
  const customerExtra = [
    ...(customer.contactName ? [{ text: `${titles.contact} ${customer.contactName}` }] : []),
    ...(customer.contactEmail ? [{ text: customer.contactEmail }] : []),
  ];
  const leftEnd = drawParty(doc, titles.supplier, supplier, supplierExtra, MARGIN, top, colWidth);
  const rightEnd = drawParty(doc, titles.customer, customer, customerExtra, MARGIN + colWidth + 24, top, colWidth);
  return Math.max(leftEnd, rightEnd);
}

/**
 * Writes every buffered page's footer: the supplier's identity on the left, "`reference` · Page
 * i of n" on the right. Call once, after the last page's content.
 */
export function drawFooters(doc: Doc, supplier: PartySnapshot & { companyNumber: string | null }, reference: string): void {
  const right = doc.page.width - MARGIN;
  const range = doc.bufferedPageRange();
  const identity = [supplier.legalName ?? supplier.name, supplier.companyNumber ? `Company no. ${supplier.companyNumber}` : null, supplier.vatNumber ? `VAT ${supplier.vatNumber}` : null]
    .filter(Boolean)
    .join(' · ');
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    colors.delete(doc);
    const fy = doc.page.height - MARGIN - 12;
    doc.moveTo(MARGIN, fy - 8).lineTo(right, fy - 8).lineWidth(0.5).strokeColor(RULE).stroke();
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    write(doc, identity, MARGIN, fy, { size: 7.5, color: MUTED, width: right - MARGIN - 90 });
    write(doc, `${reference} · Page ${i + 1} of ${range.count}`, right - 150, fy, { size: 7.5, color: MUTED, width: 150, align: 'right' });
    doc.page.margins.bottom = saved;
  }
}
