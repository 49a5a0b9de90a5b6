import fs from 'node:fs';
import path from 'node:path';
import { fileStamp } from '../../../db/paths';
import { AppError } from '../errors';

export type FileResult = { status: 'saved'; path: string } | { status: 'opened' } | { status: 'cancelled' } | { status: 'download'; fileName: string };

/**
 * What only a desktop shell can do: system dialogs and handing files to the OS. Electron main
 * implements it with dialog and shell; the browser host lets the browser download instead.
 */
export interface Desktop {
  savePdf(fileName: string, bytes: Buffer): Promise<FileResult>;
  openPdf(fileName: string, bytes: Buffer): Promise<FileResult>;
  showInFolder(file: string): void;
  /** A folder for a bulk export, or null if the user cancelled. */
  chooseExportFolder(): Promise<string | null>;
  /** A folder for "Back up now", or null if the user cancelled. */
  chooseBackupFolder(): Promise<string | null>;
  /** Another data folder, chosen on the recovery screen, or null if the user cancelled. */
  chooseDataFolder(): Promise<string | null>;
  /** Makes `folder` the data folder at the next start, too. */
  rememberDataFolder(folder: string): void;
  /** Shows an OS notification; false where there is none (the browser host), so the renderer shows it itself. */
  notify(title: string, body: string): boolean;
}

/** The browser host: the renderer downloads files itself; exports and backups go under the data folder. */
export function browserDesktop(dataDir: string, now: () => Date = () => new Date()): Desktop {
  return {
    savePdf: async (fileName) => ({ status: 'download', fileName }),
    openPdf: async (fileName) => ({ status: 'download', fileName }),
    showInFolder: () => {},
    chooseExportFolder: async () => {
      const folder = path.join(dataDir, 'exports', fileStamp(now()));
      fs.mkdirSync(folder, { recursive: true });
      return folder;
    },
    // No folder dialog in a browser: the copy joins the restore list in the data folder's backups/.
    chooseBackupFolder: async () => path.join(dataDir, 'backups'),
    // The host's folder is fixed for its run, so a test or a developer always knows where data went.
    chooseDataFolder: async () => {
      throw new AppError('FORBIDDEN', 'The browser host keeps the data folder it was started with. Restart it with BILLABLE_DATA_DIR set to use another.');
    },
    rememberDataFolder: () => {},
    notify: () => false,
  };
}
