import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageFiles } from './font-coverage';

const root = path.resolve(import.meta.dirname, '../../..');

describe('printable-character tables', () => {
  it('match the shipped fonts (regenerate with npx tsx scripts/font-coverage.ts)', () => {
    const { printable, fontRanges } = coverageFiles();
    expect(fs.readFileSync(path.join(root, 'shared/text/printable-ranges.ts'), 'utf8')).toBe(printable);
    expect(fs.readFileSync(path.join(import.meta.dirname, 'font-ranges.ts'), 'utf8')).toBe(fontRanges);
  });
});
