import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as fuses from '@electron/fuses';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it, vi } from 'vitest';

const { flipFuses } = vi.hoisted(() => ({ flipFuses: vi.fn<typeof fuses.flipFuses>(async () => 1) }));
vi.mock('@electron/fuses', async (original) => ({ ...(await original<typeof fuses>()), flipFuses }));

/** The wire's byte for an enabled or disabled fuse (@electron/fuses keeps its FuseState enum private). */
const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);

/** The marker @electron/fuses looks for in Electron's binary, just before the fuse wire. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Reads a binary's fuse wire and checks every fuse the hook sets. */
async function expectWire(binary: string, read: typeof getCurrentFuseWire): Promise<void> {
  const wire = await read(binary);
  for (const [key, value] of Object.entries(FUSES)) {
    if (!/^\d+$/.test(key)) continue;
    expect(wire[Number(key) as FuseV1Options], FuseV1Options[Number(key)]).toBe(value ? ENABLED : DISABLED);
  }
}

const { default: afterPack, electronBinary, FUSES } = await import('../build/after-pack.mjs');

const root = path.resolve(import.meta.dirname, '..');
const packager = { appInfo: { productFilename: 'Billable' }, executableName: 'billable' };

afterEach(() => flipFuses.mockClear());

describe('afterPack fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and --inspect, and turns on cookie encryption, asar integrity and asar-only loading', () => {
    expect(FUSES).toMatchObject({
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('decides every fuse of the wire, and gives a reason beside each one left off', () => {
    const options = Object.values(FuseV1Options).filter((v): v is FuseV1Options => typeof v === 'number');
    for (const option of options) expect(FUSES[option], FuseV1Options[option]).toBeTypeOf('boolean');
    const source = fs.readFileSync(path.join(root, 'build', 'after-pack.mjs'), 'utf8');
    for (const option of options.filter((o) => FUSES[o] === false)) {
      expect(source, `a comment above ${FuseV1Options[option]}`).toMatch(new RegExp(`// [^\\n]+\\n\\s+\\[FuseV1Options\\.${FuseV1Options[option]}\\]: false`));
    }
  });

  it('flips the packed binary of each platform, redoing the ad-hoc signature only on Apple silicon', async () => {
    const cases = [
      { electronPlatformName: 'darwin', arch: 3, file: '/out/Billable.app', reset: true },
      { electronPlatformName: 'darwin', arch: 1, file: '/out/Billable.app', reset: false },
      { electronPlatformName: 'win32', arch: 1, file: '/out/Billable.exe', reset: false },
      { electronPlatformName: 'linux', arch: 1, file: '/out/billable', reset: false },
    ];
    for (const { electronPlatformName, arch, file, reset } of cases) {
      await afterPack({ appOutDir: '/out', electronPlatformName, arch, packager });
      expect(flipFuses).toHaveBeenLastCalledWith(path.join(file), { ...FUSES, resetAdHocDarwinSignature: reset });
    }
    expect(() => electronBinary({ appOutDir: '/out', electronPlatformName: 'aix', packager })).toThrow(/no Electron binary known for platform aix/);
  });

  it('writes the wire of a stand-in Linux binary, which reads back as configured', async () => {
    const actual = await vi.importActual<typeof fuses>('@electron/fuses');
    const appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billable-fuses-'));
    try {
      // What Electron's binary holds: the sentinel, wire version 1, the wire's length, every fuse at its default.
      const wire = Buffer.from([1, 8, ...Array<number>(8).fill(ENABLED)]);
      fs.writeFileSync(path.join(appOutDir, 'billable'), Buffer.concat([Buffer.alloc(64), Buffer.from(SENTINEL), wire, Buffer.alloc(64)]));
      flipFuses.mockImplementationOnce(actual.flipFuses);
      await afterPack({ appOutDir, electronPlatformName: 'linux', arch: 1, packager });
      await expectWire(path.join(appOutDir, 'billable'), actual.getCurrentFuseWire);
    } finally {
      fs.rmSync(appOutDir, { recursive: true, force: true });
    }
  });

  it('is the afterPack hook of electron-builder.yml', () => {
    expect(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')).toMatch(/^afterPack: \.\/build\/after-pack\.mjs$/m);
  });
});

/** A binary `npm run dist` packed here, if any: Linux's unpacked folder, or the macOS/Windows ones. */
function packedBinary(): string | null {
  const candidates = [
    path.join(root, 'dist', 'linux-unpacked', 'billable'),
    path.join(root, 'dist', 'win-unpacked', 'Billable.exe'),
    path.join(root, 'dist', 'mac', 'Billable.app'),
    path.join(root, 'dist', 'mac-arm64', 'Billable.app'),
  ];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

const binary = packedBinary();

describe('the packaged binary', () => {
  it.skipIf(!binary)('carries the fuses the hook sets (skipped: no packaged binary here; `npm run dist` makes one, and it needs the Electron download)', async () => {
    await expectWire(binary!, getCurrentFuseWire);
  });
});
