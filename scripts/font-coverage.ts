/**
 * Regenerates the printable-character tables from the shipped fonts: run after changing a font
 * in electron/main/pdf/font-families.ts or upgrading a font package (npx tsx scripts/font-coverage.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { coverageFiles } from '../electron/main/pdf/font-coverage';

const root = path.resolve(import.meta.dirname, '..');
const { printable, fontRanges } = coverageFiles();
fs.writeFileSync(path.join(root, 'shared/text/printable-ranges.ts'), printable);
fs.writeFileSync(path.join(root, 'electron/main/pdf/font-ranges.ts'), fontRanges);
console.log('wrote shared/text/printable-ranges.ts and electron/main/pdf/font-ranges.ts');
