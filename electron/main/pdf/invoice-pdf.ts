import PDFDocument from 'pdfkit';
import type { InvoiceSnapshot, PartySnapshot } from '../../../shared/invoice/snapshot';
import type { CalculatedLine } from '../../../shared/invoice/types';
import { formatIban } from '../../../shared/banking/iban';
import { quantityText, vatExclusiveLines } from '../../../shared/invoice/units';
import { FX_SOURCE_LABELS } from '../../../shared/money/fx';
import { formatAmount } from '../../../shared/money/money';
import { withCountry } from '../../../shared/clients/address';
import { currencyExponent, type CurrencyCode } from '../../../shared/reference/currencies';
import { taxNumberLabel } from '../../../shared/tax/vat-number';
import { font, type FontRole } from './fonts';
import { layoutText, type Measure } from './text-layout';
import { logoImage } from './images';
import { safeLinkUrl } from './links';

const INK = '#1d2433';
const MUTED = '#5b6475';
const ACCENT = '#2d4b81';
const RULE = '#d9dee8';
const BAND = '#f1f4f9';
const MARGIN = 48;
const FOOTER = 26;

type Doc = PDFKit.PDFDocument;

const registered = new WeakMap<Doc, Set<FontRole>>();
const colors = new WeakMap<Doc, string>();

/** pdfkit writes a colour operator on every call; only write one when the colour changes. */
function useColor(doc: Doc, color: string): void {
  if (colors.get(doc) !== color) {
    doc.fillColor(color);
    colors.set(doc, color);
  }
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

interface TextOptions {
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
 * Every line is spaced by Noto Sans's metrics at this size, whichever fonts draw it, so a
 * Korean or Arabic word does not push its line apart from the Latin ones around it.
 */
function lineHeight(size: number): number {
  const latin = font('latin');
  return ((latin.ascent - latin.descent) * size) / latin.unitsPerEm + LINE_GAP;
}

/**
 * Draws text at (x, y) = top-left, wrapped to `width` and aligned in it, in as many fonts as it
 * needs and in display order (text-layout.ts); returns the y below its last line. Each run is
 * drawn on the line's shared baseline. A cell that is one plain run and fits is placed directly.
 */
function write(doc: Doc, text: string, x: number, y: number, o: TextOptions = {}): number {
  const size = o.size ?? 9;
  doc.fontSize(size);
  useColor(doc, o.color ?? INK);
  const link = o.link ? { link: o.link, underline: false } : {};
  const baseline = (font('latin').ascent * size) / font('latin').unitsPerEm;
  const step = lineHeight(size);
  const lines = layoutText(text, { bold: o.bold ?? false, maxWidth: o.width, measure: measureIn(doc) });
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

function height(doc: Doc, text: string, width: number, size = 9, bold = false): number {
  doc.fontSize(size);
  return layoutText(text, { bold, maxWidth: width, measure: measureIn(doc) }).length * lineHeight(size);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const day = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));

function money(amount: number, currency: CurrencyCode): string {
  return `${currency} ${formatAmount({ amount, currency })}`;
}

function vatLabel(line: CalculatedLine): string {
  if (line.vatCategory === 'disbursement') return '—';
  if (line.vatCategory === 'standard' || line.vatCategory === 'zero') return `${line.vatRate}%`;
  if (line.vatCategory === 'reverse-charge') return 'RC';
  if (line.vatCategory === 'exempt') return 'Exempt';
  return '—';
}

const priceFormats = new Map<CurrencyCode, Intl.NumberFormat>();

/** A unit price keeps its own decimals (up to 4) but shows at least the currency's. */
function unitPriceText(price: string, currency: CurrencyCode): string {
  let format = priceFormats.get(currency);
  if (!format) {
    const digits = currencyExponent(currency);
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 4) });
    priceFormats.set(currency, format);
  }
  return format.format(price as `${number}`);
}

function drawParty(doc: Doc, title: string, party: PartySnapshot, extra: { text: string; link?: string | null }[], x: number, y: number, width: number): number {
  write(doc, title.toUpperCase(), x, y, { size: 7.5, bold: true, color: MUTED });
  let cy = write(doc, party.name, x, y + 13, { size: 11, bold: true, width });
  if (party.legalName && party.legalName !== party.name) cy = write(doc, party.legalName, x, cy + 1, { width });
  for (const line of withCountry(party.addressLines, party.country)) cy = write(doc, line, x, cy + 1, { width, color: '#333a48' });
  if (party.vatNumber) cy = write(doc, `${taxNumberLabel(party.country)}: ${party.vatNumber}`, x, cy + 4, { width });
  for (const item of extra) cy = write(doc, item.text, x, cy + 1, { width, color: MUTED, link: item.link ?? null });
  return cy;
}

interface Column {
  key: 'description' | 'quantity' | 'unitPrice' | 'vat' | 'net' | 'amount';
  title: string;
  width: number;
  align: 'left' | 'right';
}

/**
 * Lays out an issued invoice or credit note from its frozen snapshot. The same snapshot and
 * creation time always give the same bytes.
 */
export async function renderInvoicePdf(s: InvoiceSnapshot, options: { createdAt: Date; logo?: { mimeType: string; sha256: string; data: Buffer } | null }): Promise<Buffer> {
  const logo = options.logo ? await logoImage(options.logo) : null;
  const doc = new PDFDocument({
    size: s.paperSize === 'Letter' ? 'LETTER' : 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: true,
    font: null as unknown as string,
    info: {
      Title: `${s.kind === 'credit-note' ? 'Credit note' : 'Invoice'} ${s.number}`,
      Author: s.supplier.legalName ?? s.supplier.name,
      Creator: 'Billable',
      Producer: 'Billable',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
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

  const calc = s.calculation;
  const currency = s.currency;
  const pageWidth = doc.page.width;
  const right = pageWidth - MARGIN;
  const contentWidth = right - MARGIN;
  const bottom = () => doc.page.height - MARGIN - FOOTER;
  const credit = s.kind === 'credit-note';

  // Header: logo and title.
  let headerBottom: number;
  if (logo) {
    doc.image(logo as Buffer, MARGIN, MARGIN, { fit: [150, 56] });
    headerBottom = MARGIN + 56;
  } else {
    headerBottom = write(doc, s.supplier.name, MARGIN, MARGIN, { size: 16, bold: true, color: ACCENT, width: 260 });
  }
  write(doc, credit ? 'CREDIT NOTE' : 'INVOICE', right - 250, MARGIN - 2, { size: 20, bold: true, color: ACCENT, width: 250, align: 'right' });
  write(doc, s.number, right - 250, MARGIN + 26, { size: 11, bold: true, width: 250, align: 'right' });

  const meta: [string, string][] = [['Issue date', day(s.issueDate)]];
  if (s.supplyStart && s.supplyEnd) meta.push(['Supply period', `${day(s.supplyStart)} – ${day(s.supplyEnd)}`]);
  if (s.taxPoint && s.taxPoint !== s.issueDate) meta.push(['Tax point', day(s.taxPoint)]);
  if (credit && s.creditFor) meta.push(['Credits invoice', `${s.creditFor.number} of ${day(s.creditFor.issueDate)}`]);
  else meta.push(['Due date', day(s.dueDate)]);
  if (s.poNumber) meta.push(['PO number', s.poNumber]);
  let my = MARGIN + 48;
  for (const [label, value] of meta) {
    write(doc, label, right - 250, my, { color: MUTED, width: 110, align: 'right' });
    write(doc, value, right - 130, my, { width: 130, align: 'right' });
    my += 13;
  }

  // Parties.
  const partiesTop = Math.max(headerBottom, my) + 16;
  const colWidth = contentWidth / 2 - 12;
  const website = safeLinkUrl(s.supplier.website);
  const email = s.supplier.email ? safeLinkUrl(`mailto:${s.supplier.email}`) : null;
  const supplierExtra = [
    ...(s.supplier.companyNumber ? [{ text: `Company number: ${s.supplier.companyNumber}` }] : []),
    ...(s.supplier.email ? [{ text: s.supplier.email, link: email }] : []),
    ...(s.supplier.phone ? [{ text: s.supplier.phone }] : []),
    ...(s.supplier.website ? [{ text: s.supplier.website, link: website }] : []),
  ];
  const customerExtra = [
    ...(s.customer.contactName ? [{ text: `Attn: ${s.customer.contactName}` }] : []),
    ...(s.customer.contactEmail ? [{ text: s.customer.contactEmail }] : []),
  ];
  const leftEnd = drawParty(doc, 'From', s.supplier, supplierExtra, MARGIN, partiesTop, colWidth);
  const rightEnd = drawParty(doc, credit ? 'Credit to' : 'Bill to', s.customer, customerExtra, MARGIN + colWidth + 24, partiesTop, colWidth);
  let y = Math.max(leftEnd, rightEnd) + 20;

  // Lines table, with its header repeated on every page. A VAT invoice shows each unit price
  // and line amount without VAT (rules §2.1 (h), (m); Art 226(8)), so when the prices were
  // entered with VAT in them, both are shown without it, beside the amount with it.
  const inclusive = s.settings?.pricesIncludeVat === true && calc.groups.some((g) => g.vat !== 0);
  const exclusive = inclusive ? vatExclusiveLines(calc) : null;
  const columns: Column[] = inclusive
    ? [
        { key: 'description', title: 'Description', width: contentWidth - 340, align: 'left' },
        { key: 'quantity', title: 'Qty', width: 62, align: 'right' },
        { key: 'unitPrice', title: 'Unit price excl. VAT', width: 76, align: 'right' },
        { key: 'vat', title: 'VAT', width: 42, align: 'right' },
        { key: 'net', title: `Net (${currency})`, width: 74, align: 'right' },
        { key: 'amount', title: `Incl. VAT (${currency})`, width: 86, align: 'right' },
      ]
    : [
        { key: 'description', title: 'Description', width: contentWidth - 300, align: 'left' },
        { key: 'quantity', title: 'Qty', width: 66, align: 'right' },
        { key: 'unitPrice', title: 'Unit price', width: 80, align: 'right' },
        { key: 'vat', title: 'VAT', width: 50, align: 'right' },
        { key: 'amount', title: `Amount (${currency})`, width: 104, align: 'right' },
      ];
  const headerHeight = Math.max(...columns.map((c) => height(doc, c.title, c.width - 12, 8, true))) + 9;
  const drawHeader = () => {
    doc.rect(MARGIN, y, contentWidth, headerHeight + 2).fill(BAND);
    colors.delete(doc);
    let x = MARGIN;
    for (const c of columns) {
      write(doc, c.title, x + 6, y + 6, { size: 8, bold: true, color: MUTED, width: c.width - 12, align: c.align });
      x += c.width;
    }
    y += headerHeight + 6;
  };
  drawHeader();
  const rowText = (line: CalculatedLine, i: number): Record<Column['key'], string> => ({
    description: line.description,
    quantity: quantityText(line.quantity, line.unit),
    unitPrice: line.index === null ? '' : unitPriceText(exclusive ? exclusive[i]!.unitPrice : line.unitPrice, currency),
    vat: vatLabel(line),
    net: exclusive ? formatAmount({ amount: exclusive[i]!.amount, currency }) : '',
    amount: formatAmount({ amount: line.amount, currency }),
  });
  for (const [i, line] of calc.lines.entries()) {
    const cells = rowText(line, i);
    const descWidth = columns[0]!.width - 12;
    const rowHeight = Math.max(height(doc, cells.description, descWidth), 11) + 10;
    if (y + rowHeight > bottom()) {
      doc.addPage();
      y = MARGIN;
      drawHeader();
    }
    let x = MARGIN;
    for (const c of columns) {
      write(doc, cells[c.key], x + 6, y, { width: c.width - 12, align: c.align, color: c.key === 'description' ? INK : '#333a48' });
      x += c.width;
    }
    if (line.discount !== 0) write(doc, `incl. discount ${formatAmount({ amount: line.discount, currency })}`, MARGIN + 6, y + rowHeight - 12, { size: 7, color: MUTED });
    y += rowHeight;
    doc.moveTo(MARGIN, y - 4).lineTo(right, y - 4).lineWidth(0.5).strokeColor(RULE).stroke();
  }

  // Totals and the VAT summary per rate.
  const totalsRows: [string, string, boolean][] = [];
  const vatCharged = calc.groups.some((g) => g.category === 'standard' || g.category === 'zero');
  for (const g of calc.groups) {
    if (vatCharged) {
      totalsRows.push([`Net at ${g.rate}% VAT`, money(g.net, currency), false]);
      totalsRows.push([`VAT at ${g.rate}%`, money(g.vat, currency), false]);
    } else {
      totalsRows.push(['Net', money(g.net, currency), false]);
    }
  }
  if (calc.totals.disbursements !== 0) totalsRows.push(['Disbursements (no VAT)', money(calc.totals.disbursements, currency), false]);
  totalsRows.push([credit ? 'Total credited' : 'Total', money(calc.totals.gross, currency), true]);
  if (calc.totals.withholding !== 0) {
    totalsRows.push(['Less withholding', money(-calc.totals.withholding, currency), false]);
    totalsRows.push([credit ? 'Net credited' : 'Amount due', money(calc.totals.payable, currency), true]);
  }
  const totalsHeight = totalsRows.length * 17 + 16;
  if (y + totalsHeight > bottom()) {
    doc.addPage();
    y = MARGIN;
  }
  y += 8;
  const tx = right - 250;
  for (const [label, value, strong] of totalsRows) {
    if (strong) {
      doc.rect(tx, y - 4, 250, 20).fill(BAND);
      colors.delete(doc);
    }
    write(doc, label, tx + 8, y, { bold: strong, width: 130, color: strong ? INK : MUTED });
    write(doc, value, tx + 120, y, { bold: strong, width: 122, align: 'right', size: strong ? 10 : 9 });
    y += strong ? 22 : 16;
  }

  // Home-currency figures, the legal notes, the user's notes and how to pay.
  const blocks: { title: string; lines: { text: string; bold?: boolean }[] }[] = [];
  if (calc.home && s.fx) {
    const home = calc.home.currency;
    const groups = calc.groups.map((g) => ({
      text: vatCharged ? `Net at ${g.rate}%: ${money(g.home!.net, home)}   VAT: ${money(g.home!.vat, home)}` : `Net: ${money(g.home!.net, home)}`,
    }));
    blocks.push({
      title: `In ${home}`,
      lines: [...groups, { text: `Converted at the ${FX_SOURCE_LABELS[s.fx.source]} of ${s.fx.rate} ${currency} per 1 ${home}, dated ${day(s.fx.date)}.` }],
    });
  }
  // The home-currency note is drawn as its own block, and the credit reference sits in the header.
  const legal = calc.notes.filter((n) => n.key !== 'home-currency' && n.key !== 'home-currency-value' && n.key !== 'credit-note');
  const vatLines = legal.map((n) => ({ text: n.text }));
  // The client's own wording goes right after the English reverse-charge note it translates.
  const local = s.customer.localReverseCharge;
  if (local) {
    const at = legal.findIndex((n) => n.key.includes('reverse-charge'));
    vatLines.splice(at + 1, 0, { text: local });
  }
  if (vatLines.length) blocks.push({ title: 'VAT', lines: vatLines });
  if (credit && s.creditReason) blocks.push({ title: 'Reason', lines: [{ text: s.creditReason }] });
  if (s.notes) blocks.push({ title: 'Notes', lines: [{ text: s.notes }] });
  if (!credit) {
    const pay: { text: string; bold?: boolean }[] = [{ text: `Please pay ${money(calc.totals.payable, currency)} by ${day(s.dueDate)} (${s.paymentTermsDays} days), quoting ${s.number}.`, bold: true }];
    if (s.bank) {
      const b = s.bank;
      pay.push({ text: `Account holder: ${b.accountHolder}${b.bankName ? ` · ${b.bankName}` : ''}` });
      if (b.iban) pay.push({ text: `IBAN: ${formatIban(b.iban)}${b.bic ? ` · BIC: ${b.bic}` : ''}` });
      if (b.accountNumber) pay.push({ text: `Account number: ${b.accountNumber}${b.sortCode ? ` · Sort code: ${b.sortCode}` : ''}${b.routingNumber ? ` · Routing number: ${b.routingNumber}` : ''}` });
      // A payer abroad needs the BIC (SWIFT code) for an account number too, not only beside an IBAN.
      if (b.bic && !b.iban) pay.push({ text: `BIC (SWIFT): ${b.bic}` });
      if (b.details) pay.push({ text: b.details });
    }
    blocks.push({ title: 'Payment', lines: pay });
  }
  y += 14;
  for (const block of blocks) {
    const needed = 16 + block.lines.reduce((sum, l) => sum + height(doc, l.text, contentWidth, 8.5, l.bold) + 2, 0);
    if (y + needed > bottom()) {
      doc.addPage();
      y = MARGIN;
    }
    write(doc, block.title.toUpperCase(), MARGIN, y, { size: 7.5, bold: true, color: MUTED });
    y += 12;
    for (const line of block.lines) {
      y = write(doc, line.text, MARGIN, y, { size: 8.5, bold: line.bold ?? false, width: contentWidth }) + 2;
    }
    y += 10;
  }

  // Footer on every page.
  const range = doc.bufferedPageRange();
  const identity = [s.supplier.legalName ?? s.supplier.name, s.supplier.companyNumber ? `Company no. ${s.supplier.companyNumber}` : null, s.supplier.vatNumber ? `VAT ${s.supplier.vatNumber}` : null]
    .filter(Boolean)
    .join(' · ');
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    colors.delete(doc);
    const fy = doc.page.height - MARGIN - 12;
    doc.moveTo(MARGIN, fy - 8).lineTo(right, fy - 8).lineWidth(0.5).strokeColor(RULE).stroke();
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    write(doc, identity, MARGIN, fy, { size: 7.5, color: MUTED, width: contentWidth - 90 });
    write(doc, `${s.number} · Page ${i + 1} of ${range.count}`, right - 150, fy, { size: 7.5, color: MUTED, width: 150, align: 'right' });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}
