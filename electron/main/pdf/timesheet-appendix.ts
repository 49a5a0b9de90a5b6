import { formatDuration } from '../../../shared/time/duration';
import { countOf } from '../../../shared/text/plural';
import type { TimesheetRow } from '../../../shared/invoice/snapshot';
import { BAND, day, forgetColor, height, INK, MARGIN, MUTED, pageBottom, RULE, write, writeLabel, type Doc } from './pdf-document';

/**
 * Draws the timesheet appendix on a new page: a row per time entry the invoice bills (date,
 * hours as h:mm, note), the header repeated on each page, and the total worked. These are the
 * raw times; the invoice lines bill them after the contract's rounding, which the note says.
 */
export function drawTimesheetAppendix(doc: Doc, rows: readonly TimesheetRow[], reference: string): void {
  doc.addPage();
  const right = doc.page.width - MARGIN;
  const width = right - MARGIN;
  const columns = [
    { title: 'Date', width: 96, align: 'left' as const },
    { title: 'Hours', width: 60, align: 'right' as const },
    { title: 'Note', width: width - 156, align: 'left' as const },
  ];
  let y = write(doc, 'Timesheet', MARGIN, MARGIN, { size: 16, bold: true, color: INK });
  y = write(doc, `Appendix to ${reference}: the time billed, as recorded. Invoice lines apply the contract's rounding.`, MARGIN, y + 4, { size: 8.5, color: MUTED, width }) + 12;
  const drawHeader = () => {
    doc.rect(MARGIN, y, width, 20).fill(BAND);
    forgetColor(doc);
    let x = MARGIN;
    for (const c of columns) {
      write(doc, c.title, x + 6, y + 6, { size: 8, bold: true, color: MUTED, width: c.width - 12, align: c.align });
      x += c.width;
    }
    y += 26;
  };
  drawHeader();
  for (const row of rows) {
    const rowHeight = Math.max(height(doc, row.note, columns[2]!.width - 12), 11) + 8;
    if (y + rowHeight > pageBottom(doc)) {
      doc.addPage();
      y = MARGIN;
      drawHeader();
    }
    const cells = [day(row.workDate), formatDuration(row.seconds), row.note];
    let x = MARGIN;
    columns.forEach((c, i) => {
      write(doc, cells[i]!, x + 6, y, { width: c.width - 12, align: c.align, color: i === 2 ? INK : '#333a48' });
      x += c.width;
    });
    y += rowHeight;
    doc.moveTo(MARGIN, y - 4).lineTo(right, y - 4).lineWidth(0.5).strokeColor(RULE).stroke();
  }
  if (y + 24 > pageBottom(doc)) {
    doc.addPage();
    y = MARGIN;
  }
  const total = rows.reduce((sum, r) => sum + r.seconds, 0);
  writeLabel(doc, `Total: ${formatDuration(total)} over ${countOf(rows.length, 'entry', 'entries')}`, MARGIN + 6, y + 6);
}
