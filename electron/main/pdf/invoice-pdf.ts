import type { InvoiceSnapshot } from '../../../shared/invoice/snapshot';
import { drawTimesheetAppendix } from './timesheet-appendix';
import type { CalculatedLine } from '../../../shared/invoice/types';
import { formatIban } from '../../../shared/banking/iban';
import { quantityText, unitPriceText, vatExclusiveLines } from '../../../shared/invoice/units';
import { FX_SOURCE_LABELS } from '../../../shared/money/fx';
import { formatAmount } from '../../../shared/money/money';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { logoImage } from './images';
import { BAND, day, drawDocumentHeader, drawFooters, drawParties, forgetColor, height, INK, MARGIN, MUTED, openDocument, pageBottom, RULE, write, writeLabel } from './pdf-document';

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
  const { doc, done } = openDocument(s.paperSize, {
    title: `${s.kind === 'credit-note' ? 'Credit note' : 'Invoice'} ${s.number}`,
    author: s.supplier.legalName ?? s.supplier.name,
    createdAt: options.createdAt,
  });

  const calc = s.calculation;
  const currency = s.currency;
  const pageWidth = doc.page.width;
  const right = pageWidth - MARGIN;
  const contentWidth = right - MARGIN;
  const credit = s.kind === 'credit-note';

  // Header: logo, title and dates; then the parties.
  const meta: [string, string][] = [['Issue date', day(s.issueDate)]];
  if (s.supplyStart && s.supplyEnd) meta.push(['Supply period', `${day(s.supplyStart)} – ${day(s.supplyEnd)}`]);
  if (s.taxPoint && s.taxPoint !== s.issueDate) meta.push(['Tax point', day(s.taxPoint)]);
  if (credit && s.creditFor) meta.push(['Credits invoice', `${s.creditFor.number} of ${day(s.creditFor.issueDate)}`]);
  else meta.push(['Due date', day(s.dueDate)]);
  if (s.poNumber) meta.push(['PO number', s.poNumber]);
  const partiesTop = drawDocumentHeader(doc, { logo, supplierName: s.supplier.name, title: credit ? 'CREDIT NOTE' : 'INVOICE', reference: s.number, meta }) + 16;
  let y = drawParties(doc, s.supplier, s.customer, { supplier: 'From', customer: credit ? 'Credit to' : 'Bill to', contact: 'Attn:' }, partiesTop) + 20;

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
    forgetColor(doc);
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
    if (y + rowHeight > pageBottom(doc)) {
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
  if (y + totalsHeight > pageBottom(doc)) {
    doc.addPage();
    y = MARGIN;
  }
  y += 8;
  const tx = right - 250;
  for (const [label, value, strong] of totalsRows) {
    if (strong) {
      doc.rect(tx, y - 4, 250, 20).fill(BAND);
      forgetColor(doc);
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
    if (y + needed > pageBottom(doc)) {
      doc.addPage();
      y = MARGIN;
    }
    writeLabel(doc, block.title, MARGIN, y);
    y += 12;
    for (const line of block.lines) {
      y = write(doc, line.text, MARGIN, y, { size: 8.5, bold: line.bold ?? false, width: contentWidth }) + 2;
    }
    y += 10;
  }

  if (s.timesheet && s.timesheet.length > 0) drawTimesheetAppendix(doc, s.timesheet, s.number);
  drawFooters(doc, s.supplier, s.number);
  doc.end();
  return done;
}
