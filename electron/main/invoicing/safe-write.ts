import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sanitizeFileName } from './file-names';

/**
 * Writes `bytes` as `name` inside `folder`: the name is sanitised, the result must stay inside the
 * folder (checked with path.relative), and the file appears whole or not at all (temp + rename).
 */
export function writeFileInside(folder: string, name: string, bytes: Buffer): string {
  const root = path.resolve(folder);
  const target = path.resolve(root, sanitizeFileName(name));
  const relative = path.relative(root, target);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative) || relative.includes(path.sep)) {
    throw new Error(`Refusing to write outside ${root}`);
  }
  const tmp = path.join(root, `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  return target;
}
