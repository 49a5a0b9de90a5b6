import { contextBridge, ipcRenderer } from 'electron';
import { LOCALE_SWITCH, type Bridge, type DesktopInfo } from '../../shared/api/bridge';
import { CALL_NAMES, channelFor } from '../../shared/api/call-names';

/** Exposes exactly the declared calls, each bound to its own channel; no generic invoke. */
const bridge = Object.freeze(
  Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)])),
) as Bridge;

contextBridge.exposeInMainWorld('billable', bridge);

// The main process passes the OS locale as a switch (webPreferences.additionalArguments): a sandboxed preload has no `app`.
const locale = process.argv.find((arg) => arg.startsWith(LOCALE_SWITCH))?.slice(LOCALE_SWITCH.length) ?? '';
const desktop: DesktopInfo = Object.freeze({ locale });
contextBridge.exposeInMainWorld('billableDesktop', desktop);
