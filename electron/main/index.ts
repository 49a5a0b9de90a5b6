import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { createRouter } from './api/router';
import { StoreHolder } from './api/store-holder';
import { chosenDataFolder } from './shell/data-folder';
import { electronDesktop } from './shell/desktop';
import { registerIpc } from './shell/ipc';
import { installMenu, timerMenu } from './shell/menu';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { createMainWindow, lockDownSession } from './shell/window';

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  const outDir = path.join(import.meta.dirname, '..');

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  const start = () => {
    const dataDir = process.env.BILLABLE_DATA_DIR || chosenDataFolder() || app.getPath('userData');
    const holder = new StoreHolder({ dataDir, migrationsDir: path.join(app.getAppPath(), 'db', 'migrations') });
    // Every failure, a newer or foreign file and a failed migration included, reaches the
    // recovery screen, which says what happened and offers what can be done.
    holder.open();
    app.on('will-quit', () => holder.close());
    holder.startBackupTimer();

    lockDownSession();
    serveRenderer(path.join(outDir, 'renderer'));
    const router = createRouter({ holder, desktop: electronDesktop });
    registerIpc(router);
    installMenu(() => holder.dataDir, timerMenu(router));
    window = createMainWindow(dataDir, path.join(outDir, 'preload'));
    window.on('closed', () => (window = null));

    app.on('activate', () => {
      window ??= createMainWindow(dataDir, path.join(outDir, 'preload'));
    });
  };

  // Data-file problems reach the recovery screen through the holder; anything else that stops
  // start-up gets a dialog rather than an unhandled rejection and an app with no window.
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Billable could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
