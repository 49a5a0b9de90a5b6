import type { FuseV1Config } from '@electron/fuses';

export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

export const FUSES: FuseV1Config & { strictlyRequireAllFuses: true };
export function electronBinary(context: Omit<PackContext, 'arch'>): string;
export default function afterPack(context: PackContext): Promise<void>;
