import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it.each([
    ["import fs from 'node:fs';", 'Node'],
    ["import { app } from 'electron';", 'Electron'],
    ["import { sql } from 'drizzle-orm';", 'drizzle'],
    ["import { useState } from 'react';", 'React'],
    ["import path from 'path';", 'Node built-ins'],
    ["import { getClient } from '../db/clients';", 'other layers'],
  ])('shared/ may not import: %s', async (code, what) => {
    const messages = await lint('shared/api/example.ts', `${code}\nexport const x = 1;\n`);
    expect(messages.join('\n')).toMatch(new RegExp(`no-restricted-imports: .*${what}`));
  });

  it('shared/ may not touch DOM or process globals', async () => {
    expect(await lint('shared/api/example.ts', 'export const x = document.title;\n')).toEqual([expect.stringMatching(/no-restricted-globals/)]);
    expect(await lint('shared/api/example.ts', 'export const y = process.env.HOME;\n')).toEqual([expect.stringMatching(/no-restricted-globals/)]);
  });

  it('only the Electron shell imports electron', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await lint('electron/main/api/example.ts', code)).toEqual([expect.stringMatching(/no-restricted-imports/)]);
    expect(await lint('electron/main/shell/example.ts', code)).toEqual([]);
  });

  it('the renderer reaches main only through the API client', async () => {
    const messages = await lint('renderer/src/example.ts', "import { getClient } from '../../db/clients';\nexport const x = getClient;\n");
    expect(messages).toEqual([expect.stringMatching(/typed API client/)]);
  });
});
