import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-store';
import { pdfFileName, sanitizeFileName } from './file-names';
import { writeFileInside } from './safe-write';

describe('sanitizeFileName', () => {
  it.each([
    ['INV-2026-0001 Acme Ltd.pdf', 'INV-2026-0001 Acme Ltd.pdf'],
    ['INV-1 ../../etc/passwd.pdf', 'INV-1 .-.-etc-passwd.pdf'],
    ['a/b\\c:d*e?f"g<h>i|j.pdf', 'a-b-c-d-e-f-g-h-i-j.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['com1.pdf', '_com1.pdf'],
    ['Invoice\u202Efdp.exe.pdf', 'Invoicefdp.exe.pdf'],
    ['bell\u0007\u0000tab\t.pdf', 'belltab.pdf'],
    ['...pdf', 'document.pdf'],
    ['王小明 Øster.pdf', '王小明 Øster.pdf'],
  ])('%s → %s', (raw, safe) => expect(sanitizeFileName(raw)).toBe(safe));

  it('caps names at 255 bytes without splitting a character', () => {
    const name = sanitizeFileName(`${'王'.repeat(200)}.pdf`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name.endsWith('王.pdf')).toBe(true);
  });

  it('builds the default invoice file name', () => {
    expect(pdfFileName('INV-2026-0001', 'Acme/Ltd')).toBe('INV-2026-0001 Acme-Ltd.pdf');
  });
});

describe('writeFileInside', () => {
  it('writes whole files inside the chosen folder only', () => {
    const dir = tempDir();
    const file = writeFileInside(dir, '../escape.pdf', Buffer.from('%PDF'));
    expect(path.dirname(file)).toBe(dir);
    expect(fs.readFileSync(file, 'utf8')).toBe('%PDF');
    expect(fs.readdirSync(dir)).toEqual(['escape.pdf']);
    expect(fs.existsSync(path.join(dir, '..', 'escape.pdf'))).toBe(false);
  });
});
