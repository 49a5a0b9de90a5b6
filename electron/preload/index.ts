import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../../shared/api/bridge';
import { CALL_NAMES, channelFor } from '../../shared/api/call-names';

/** Exposes exactly the declared calls, each bound to its own channel; no generic invoke. */
const bridge = Object.freeze(
  Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)])),
) as Bridge;

contextBridge.exposeInMainWorld('billable', bridge);
