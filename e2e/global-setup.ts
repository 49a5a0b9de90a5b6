import { electronBinary } from './launch';

/** Says once, up front, why the electron project's tests are skipped on this machine. */
export default function globalSetup(): void {
  if (!electronBinary()) {
    console.log('electron project: skipped — no Electron binary here (it downloads on first run on a user machine)');
  }
}
