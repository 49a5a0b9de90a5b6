import path from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
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
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, stateDir);

  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
