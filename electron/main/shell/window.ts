import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { LOCALE_SWITCH } from '../../../shared/api/bridge';
import { APP_ORIGIN, isAppUrl } from '../security/sender';
import { loadWindowState, trackWindowState } from './window-state';

/** External links the user clicked open in their browser; nothing else leaves the app. */
function openExternally(url: string): void {
  if (/^https?:\/\//i.test(url) || /^mailto:/i.test(url)) void shell.openExternal(url);
}

/** Denies every permission, and applies the navigation rules to any web contents created. */
export function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) {
        event.preventDefault();
        openExternally(url);
      }
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/**
 * The renderer holds a close or reload with `beforeunload` while a form has unsaved changes
 * (renderer/src/app/UnsavedChangesGuard.tsx). Electron shows no question of its own, so without
 * this the window would simply refuse to close; the user chooses, and Discard lets it go.
 */
export function askBeforeDiscarding(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Discard changes?',
      message: 'Discard changes?',
      detail: 'You have changes that are not saved. Leave and lose them, or stay to save them.',
      buttons: ['Stay', 'Discard'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault();
  });
}

export function createMainWindow(stateDir: string, preloadDir: string): BrowserWindow {
  const state = loadWindowState(stateDir);
  const window = new BrowserWindow({
    ...(state.placed ? state.bounds : { width: state.bounds.width, height: state.bounds.height }),
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Billable',
    backgroundColor: '#1a1b1e',
    webPreferences: {
      preload: path.join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
      // Off in the packaged app, so no shortcut or stray call can open them.
      devTools: !app.isPackaged,
      // Chromium's built-in PDF viewer, for the invoice preview; no other plugin exists.
      plugins: true,
      // The OS locale for the renderer's dates, numbers and amounts; the preload reads it from its argv.
      additionalArguments: [`${LOCALE_SWITCH}${app.getLocale()}`],
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, stateDir);
  askBeforeDiscarding(window);

  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
