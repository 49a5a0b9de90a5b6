import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';

/** Beside Electron's own files, never in a data folder, so it survives a change of folder. */
const pointerFile = () => path.join(app.getPath('userData'), 'billable.location.json');

/** The data folder the user chose on the recovery screen, or null: an absolute path only. */
export function chosenDataFolder(): string | null {
  try {
    const { dataDir } = JSON.parse(fs.readFileSync(pointerFile(), 'utf8')) as { dataDir?: unknown };
    return typeof dataDir === 'string' && path.isAbsolute(dataDir) ? dataDir : null;
  } catch {
    return null;
  }
}

/** Remembers the chosen data folder for the next start. */
export function rememberDataFolder(folder: string): void {
  fs.mkdirSync(path.dirname(pointerFile()), { recursive: true });
  fs.writeFileSync(pointerFile(), JSON.stringify({ dataDir: folder }));
}
