// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is
// signed, so a shipped Billable cannot be turned into a general-purpose Node runtime or debugger.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * Every fuse of the V1 wire, set explicitly (`strictlyRequireAllFuses`, so a fuse added by a
 * future Electron fails the build until it is decided here).
 */
export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would make the signed binary a plain Node with our identity.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium storage encrypted with the OS keychain key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload arbitrary code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would let anyone attach a debugger to the main process and its data file.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash electron-builder embeds (macOS and Windows; Electron
  // does not implement the check on Linux, where the fuse has no effect).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the (integrity-checked) app.asar is loaded, never an unpacked app/ folder beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Left off: Billable ships no browser-process V8 snapshot, so there is nothing to load.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Left off: the renderer is served from app://, so file:// needs none of its legacy privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * The Electron binary electron-builder just packed: `<appOutDir>/<Product>.app` on macOS,
 * `<Product>.exe` on Windows, `<executableName>` on Linux.
 * @param {{ appOutDir: string; electronPlatformName: string; packager: { appInfo: { productFilename: string }; executableName?: string } }} context
 * @returns {string}
 */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'linux') return path.join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
  throw new Error(`after-pack: no Electron binary known for platform ${electronPlatformName}`);
}

/**
 * Flips the fuses of the packed binary. On Apple silicon an unsigned build needs its ad-hoc
 * signature redone, or macOS refuses to start it; a signed build is signed after this hook.
 * @param {{ appOutDir: string; electronPlatformName: string; arch: number; packager: { appInfo: { productFilename: string }; executableName?: string } }} context
 */
export default async function afterPack(context) {
  // electron-builder's Arch enum: 3 is arm64.
  const appleSilicon = context.electronPlatformName === 'darwin' && context.arch === 3;
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: appleSilicon });
}
