import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, Notification, shell } from 'electron';
import type { Desktop } from '../api/desktop';
import { writeFileInside } from '../invoicing/safe-write';
import { rememberDataFolder } from './data-folder';

const parent = () => BrowserWindow.getFocusedWindow() ?? undefined;

async function chooseFolder(title: string): Promise<string | null> {
  const options = { title, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const window = parent();
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

/** System dialogs and the OS's PDF viewer, for the real desktop app. */
export const electronDesktop: Desktop = {
  async savePdf(fileName, bytes) {
    const options = { defaultPath: path.join(app.getPath('documents'), fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const window = parent();
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
    const written = writeFileInside(path.dirname(choice.filePath), path.basename(choice.filePath), bytes);
    return { status: 'saved', path: written };
  },
  async openPdf(fileName, bytes) {
    const folder = path.join(os.tmpdir(), 'billable-pdf');
    fs.mkdirSync(folder, { recursive: true });
    const file = writeFileInside(folder, fileName, bytes);
    const error = await shell.openPath(file);
    if (error) throw new Error(error);
    return { status: 'opened' };
  },
  showInFolder(file) {
    shell.showItemInFolder(file);
  },
  chooseExportFolder: () => chooseFolder('Export invoices to…'),
  chooseBackupFolder: () => chooseFolder('Back up Billable to…'),
  chooseDataFolder: () => chooseFolder('Choose the folder with your Billable data'),
  rememberDataFolder,
  notify(title, body) {
    if (!Notification.isSupported()) return false;
    new Notification({ title, body }).show();
    return true;
  },
};
