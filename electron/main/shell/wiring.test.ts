import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APPLICATION_ID } from '../../../db/pragmas';
import { CALL_NAMES, channelFor } from '../../../shared/api/call-names';

/**
 * A stand-in for the `electron` module, so the window's wiring is tested in plain Node: each
 * test reads what the shell asked Electron for (options, handlers, menus) and drives the handlers.
 */
const fake = vi.hoisted(() => {
  class FakeEmitter {
    handlers = new Map<string, ((...args: unknown[]) => unknown)[]>();
    on(event: string, handler: (...args: unknown[]) => unknown) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
      return this;
    }
    once(event: string, handler: (...args: unknown[]) => unknown) {
      return this.on(event, handler);
    }
    emit(event: string, ...args: unknown[]) {
      for (const handler of this.handlers.get(event) ?? []) handler(...args);
    }
  }
  const windows: { options: { webPreferences: Record<string, unknown> }; url: string; focus: ReturnType<typeof vi.fn>; restore: ReturnType<typeof vi.fn> }[] = [];
  class BrowserWindow extends FakeEmitter {
    static getFocusedWindow = () => null;
    url = '';
    webContents = new FakeEmitter();
    focus = vi.fn();
    restore = vi.fn();
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isMinimized = () => true;
    maximize() {}
    show() {}
    getBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
    isMaximized = () => false;
  }
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: true,
    quit: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => new Promise<void>(() => {})),
    getPath: vi.fn(() => ''),
    getAppPath: vi.fn(() => ''),
    getLocale: vi.fn(() => 'de-DE'),
  });
  const notifications: { options: { title: string; body: string }; show: ReturnType<typeof vi.fn> }[] = [];
  class Notification {
    static isSupported = vi.fn(() => true);
    show = vi.fn();
    constructor(readonly options: { title: string; body: string }) {
      notifications.push(this);
    }
  }
  return {
    windows,
    notifications,
    Notification,
    app,
    BrowserWindow,
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn(async (_url: string) => {}), openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    ipcMain: { handle: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBoxSync: vi.fn(() => 0) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    net: { fetch: vi.fn() },
    FakeEmitter,
  };
});

vi.mock('electron', () => fake);

const { createMainWindow, lockDownSession } = await import('./window');
const { installMenu, timerMenu } = await import('./menu');
const { registerIpc } = await import('./ipc');
const { electronDesktop } = await import('./desktop');

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'billable-shell-'));
  vi.clearAllMocks();
  fake.windows.length = 0;
  fake.notifications.length = 0;
  fake.app.handlers.clear();
  fake.app.isPackaged = true;
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the main window', () => {
  it('is isolated and sandboxed, with no Node, web security on, no webview and no DevTools when packaged, and hands the preload the OS locale', () => {
    createMainWindow(tmp, '/preload');
    const [window] = fake.windows;
    expect(window!.options.webPreferences).toEqual({
      preload: path.join('/preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
      devTools: false,
      // The invoice preview is a PDF in an iframe, shown by Chromium's built-in viewer.
      plugins: true,
      // The renderer's dates, numbers and amounts follow app.getLocale(): the preload exposes it as window.billableDesktop.
      additionalArguments: ['--billable-locale=de-DE'],
    });
    expect(window!.url).toBe('app://billable/index.html');
  });

  it('asks "Discard changes?" when a form with unsaved changes holds a close: Stay keeps the window, Discard lets it close', () => {
    createMainWindow(tmp, '/preload');
    const contents = (fake.windows[0] as unknown as { webContents: InstanceType<typeof fake.FakeEmitter> }).webContents;
    const stay = { preventDefault: vi.fn() };
    contents.emit('will-prevent-unload', stay);
    expect(fake.dialog.showMessageBoxSync).toHaveBeenCalledWith(fake.windows[0], expect.objectContaining({ message: 'Discard changes?', buttons: ['Stay', 'Discard'], cancelId: 0 }));
    expect(stay.preventDefault).not.toHaveBeenCalled();
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    const discard = { preventDefault: vi.fn() };
    contents.emit('will-prevent-unload', discard);
    expect(discard.preventDefault).toHaveBeenCalled();
  });

  it('allows DevTools only in development', () => {
    fake.app.isPackaged = false;
    createMainWindow(tmp, '/preload');
    expect(fake.windows[0]!.options.webPreferences.devTools).toBe(true);
  });
});

describe('the session', () => {
  /** Locks the session down and returns a web contents created afterwards, with its handlers. */
  function contents() {
    lockDownSession();
    const wc = Object.assign(new fake.FakeEmitter(), { openHandler: undefined as undefined | ((d: { url: string }) => { action: string }), setWindowOpenHandler(h: (d: { url: string }) => { action: string }) { wc.openHandler = h; } });
    fake.app.emit('web-contents-created', {}, wc);
    return wc;
  }

  it('denies every permission request and check', () => {
    lockDownSession();
    const [request] = fake.session.defaultSession.setPermissionRequestHandler.mock.calls[0] as [(wc: unknown, p: string, cb: (ok: boolean) => void) => void];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    const [check] = fake.session.defaultSession.setPermissionCheckHandler.mock.calls[0] as [(...args: unknown[]) => boolean];
    expect(check({}, 'media', 'app://billable')).toBe(false);
  });

  it('never opens a new window; only http(s) and mailto links go to the system', () => {
    const wc = contents();
    const allowed = ['https://example.com/terms', 'http://example.com/', 'mailto:ada@example.com'];
    const refused = ['file:///etc/passwd', 'javascript:alert(1)', 'app://billable/index.html', 'smb://server/share', 'ms-msdt:/id', 'data:text/html,hi'];
    for (const url of [...allowed, ...refused]) expect(wc.openHandler!({ url }), url).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal.mock.calls.map(([url]) => url)).toEqual(allowed);
  });

  it('keeps navigation inside app://billable/ and refuses webviews', () => {
    const wc = contents();
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      wc.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('app://billable/index.html#/clients')).toBe(false);
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('app://user@billable/index.html')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(fake.shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://evil.example/']);
    const attach = { preventDefault: vi.fn() };
    wc.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('IPC', () => {
  it('registers one channel per call and answers only the app’s own top-level frame', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'done' }));
    registerIpc({ dispatch });
    const handlers = new Map(fake.ipcMain.handle.mock.calls as unknown as [string, (event: unknown, input: unknown) => Promise<unknown>][]);
    expect([...handlers.keys()]).toEqual(CALL_NAMES.map(channelFor));
    const call = (frame: unknown) => handlers.get(channelFor('clients.list'))!({ senderFrame: frame }, {});

    expect(await call({ url: 'app://billable/index.html', parent: null })).toEqual({ ok: true, value: 'done' });
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String), fieldErrors: {} } };
    expect(await call({ url: 'app://billable/index.html', parent: {} })).toEqual(forbidden);
    expect(await call({ url: 'https://evil.example/', parent: null })).toEqual(forbidden);
    expect(await call({ url: 'app://billable.evil/index.html', parent: null })).toEqual(forbidden);
    expect(await call(null)).toEqual(forbidden);
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('the menu', () => {
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]).filter(Boolean);

  it('has no DevTools in the packaged app', () => {
    installMenu(() => tmp);
    const template = fake.Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[];
    expect(roles(template)).not.toContain('toggleDevTools');
    expect(roles(template)).toEqual(expect.arrayContaining(['editMenu', 'reload', 'windowMenu']));
  });

  it('has a Timer menu whose items call the router, and shows a refusal', async () => {
    const dispatch = vi.fn(async (name: string) => (name === 'timer.start' ? { ok: false as const, error: { code: 'VALIDATION' as const, message: 'Choose a contract to time.', fieldErrors: { contractId: 'Choose a contract to time' } } } : { ok: true as const, value: {} }));
    installMenu(() => tmp, timerMenu({ dispatch }));
    const template = fake.Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[];
    const items = template.find((item) => item.label === 'Timer')!.submenu as MenuItemConstructorOptions[];
    const click = (label: RegExp) => (items.find((item) => label.test(item.label ?? ''))!.click as () => Promise<void>)();
    await click(/^Stop/);
    expect(dispatch).toHaveBeenLastCalledWith('timer.stop', {});
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled();
    await click(/^Start/);
    expect(dispatch).toHaveBeenLastCalledWith('timer.start', {});
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Timer', 'Choose a contract to time');
  });

  it('offers DevTools in development', () => {
    fake.app.isPackaged = false;
    installMenu(() => tmp);
    expect(roles(fake.Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[])).toContain('toggleDevTools');
  });
});

describe('single instance', () => {
  beforeEach(() => vi.resetModules());

  it('a second copy quits at once, before it touches the data file or opens a window', async () => {
    fake.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('../index');
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });

  it('the first copy starts, and brings its window forward when a second copy is launched', async () => {
    const dataDir = path.join(tmp, 'data');
    vi.stubEnv('BILLABLE_DATA_DIR', dataDir);
    fake.app.getAppPath.mockReturnValue(path.resolve(import.meta.dirname, '../../..'));
    let ready!: () => void;
    fake.app.whenReady.mockReturnValueOnce(new Promise<void>((resolve) => (ready = resolve)));
    await import('../index');
    expect(fake.app.quit).not.toHaveBeenCalled();
    ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    fake.app.emit('second-instance');
    expect(fake.windows[0]!.restore).toHaveBeenCalled();
    expect(fake.windows[0]!.focus).toHaveBeenCalled();
    expect(fs.existsSync(path.join(dataDir, 'billable.sqlite'))).toBe(true);
    fake.app.emit('will-quit');
    vi.unstubAllEnvs();
  });
});

describe('start-up in Electron', () => {
  beforeEach(() => vi.resetModules());

  it('a file from a newer Billable opens the window on the recovery screen, not a dialog and quit', async () => {
    const dataDir = path.join(tmp, 'data');
    fs.mkdirSync(dataDir);
    const newer = new Database(path.join(dataDir, 'billable.sqlite'));
    newer.pragma(`application_id = ${APPLICATION_ID}`);
    newer.exec('create table business_profile (id integer primary key)');
    newer.pragma('user_version = 999');
    newer.close();
    vi.stubEnv('BILLABLE_DATA_DIR', dataDir);
    fake.app.getAppPath.mockReturnValue(path.resolve(import.meta.dirname, '../../..'));
    fake.app.whenReady.mockReturnValueOnce(Promise.resolve());
    await import('../index');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fake.app.quit).not.toHaveBeenCalled();
    const handlers = new Map(fake.ipcMain.handle.mock.calls as unknown as [string, (event: unknown, input: unknown) => Promise<unknown>][]);
    const status = await handlers.get(channelFor('app.status'))!({ senderFrame: { url: 'app://billable/index.html', parent: null } }, undefined);
    expect(status).toMatchObject({ ok: true, value: { state: 'failed', reason: 'NEWER_SCHEMA' } });
    fake.app.emit('will-quit');
    vi.unstubAllEnvs();
  });
});

describe('reminders', () => {
  it('shows a reminder as an OS notification with its title and text, and says so; where the OS has none, says it was not shown', () => {
    expect(electronDesktop.notify('Intro call in 10 minutes', 'Acme audit: Tue 8 Dec, 15:00 London')).toBe(true);
    expect(fake.notifications.map((n) => [n.options, n.show.mock.calls.length])).toEqual([[{ title: 'Intro call in 10 minutes', body: 'Acme audit: Tue 8 Dec, 15:00 London' }, 1]]);
    fake.Notification.isSupported.mockReturnValueOnce(false);
    expect(electronDesktop.notify('Follow up', 'Acme audit')).toBe(false);
    expect(fake.notifications).toHaveLength(1);
  });
});
