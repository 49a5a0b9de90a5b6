import { app, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { Router } from '../api/router';

/**
 * The Timer menu's items: each one call through the router the window uses, so the rules (one
 * timer, signed contracts) are main's and the renderer's header picks the change up when it
 * next reads the timer. Start resumes the contract last timed; a refusal is shown as a dialog.
 */
export function timerMenu(router: Pick<Router, 'dispatch'>): MenuItemConstructorOptions {
  const run = (name: 'timer.start' | 'timer.stop') => async () => {
    const result = await router.dispatch(name, {});
    if (!result.ok) dialog.showErrorBox('Timer', result.error.fieldErrors.contractId ?? result.error.fieldErrors.at ?? result.error.message);
  };
  return {
    label: 'Timer',
    submenu: [
      { label: 'Start Timer (last contract)', click: run('timer.start') },
      { label: 'Stop Timer', click: run('timer.stop') },
    ],
  };
}

/**
 * The platform-standard menus: the app menu on macOS, and Edit so copy and paste work, then the
 * Timer menu when given (timerMenu). DevTools
 * only in development: in the packaged app they would give anyone at the keyboard the API.
 */
export function installMenu(dataDir: () => string, timer?: MenuItemConstructorOptions): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Show Data Folder', click: () => void shell.openPath(dataDir()) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    ...(timer ? [timer] : []),
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About Billable', role: 'about' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
