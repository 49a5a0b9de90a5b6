import type { InvoiceSnapshot } from '../shared/invoice/snapshot';
import { formatAmount } from '../shared/money/money';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Where the page finds what the PDF embeds besides text (its fonts and the logo), so both renderers draw the same page. */
export interface HtmlInvoiceAssets {
  regularFontUrl: string;
  boldFontUrl: string;
  logoUrl: string | null;
}

/**
 * The same invoice as an HTML page, the way HTML-to-PDF invoicing tools print it, with the PDF's
 * Noto Sans and logo. Used only to compare speed with pdfkit; Billable does not ship it.
 */
export function invoiceHtml(s: InvoiceSnapshot, assets: HtmlInvoiceAssets): string {
  const money = (amount: number) => formatAmount({ amount, currency: s.currency });
  const rows = s.calculation.lines
    .map((l) => `<tr><td>${esc(l.description)}</td><td class="n">${l.quantity}</td><td class="n">${l.unitPrice}</td><td class="n">${l.vatRate}%</td><td class="n">${money(l.amount)}</td></tr>`)
    .join('');
  const party = (title: string, p: InvoiceSnapshot['supplier'] | InvoiceSnapshot['customer']) =>
    `<div class="party"><h4>${title}</h4><strong>${esc(p.name)}</strong><br>${p.addressLines.map(esc).join('<br>')}<br>${p.vatNumber ? `VAT number: ${p.vatNumber}` : ''}</div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    @font-face { font-family: 'Noto Sans'; font-weight: 400; src: url(${assets.regularFontUrl}) format('truetype'); }
    @font-face { font-family: 'Noto Sans'; font-weight: 600 700; src: url(${assets.boldFontUrl}) format('truetype'); }
    body { font-family: 'Noto Sans', sans-serif; font-size: 9pt; color: #1d2433; margin: 0; }
    h1 { color: #2d4b81; text-align: right; margin: 0; } .parties { display: flex; gap: 24px; margin: 24px 0; } .party { flex: 1; }
    table { width: 100%; border-collapse: collapse; } th { background: #f1f4f9; text-align: left; padding: 6px; } td { padding: 6px; border-bottom: 0.5px solid #d9dee8; }
    .n { text-align: right; } thead { display: table-header-group; } .totals { margin-left: auto; width: 250px; margin-top: 12px; }
  </style></head><body>
    ${assets.logoUrl ? `<img src="${assets.logoUrl}" alt="" style="float:left; max-width:150px; max-height:56px">` : ''}
    <h1>INVOICE</h1><p style="text-align:right"><strong>${s.number}</strong><br>Issue date ${s.issueDate}<br>Due date ${s.dueDate}</p>
    <div class="parties">${party('From', s.supplier)}${party('Bill to', s.customer)}</div>
    <table><thead><tr><th>Description</th><th class="n">Qty</th><th class="n">Unit price</th><th class="n">VAT</th><th class="n">Amount (${s.currency})</th></tr></thead><tbody>${rows}</tbody></table>
    <table class="totals"><tr><td>Net</td><td class="n">${money(s.calculation.totals.net)}</td></tr><tr><td>VAT</td><td class="n">${money(s.calculation.totals.vat)}</td></tr><tr><th>Total</th><th class="n">${s.currency} ${money(s.calculation.totals.gross)}</th></tr></table>
    ${s.calculation.notes.map((n) => `<p>${esc(n.text)}</p>`).join('')}
  </body></html>`;
}
