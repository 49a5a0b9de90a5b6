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

  it('shared/ imports only packages on its allow-list: zod, the pure checkers jsvat and ibantools, and the address formatter', async () => {
    expect(await lint('shared/tax/example.ts', "import { z } from 'zod';\nimport { checkVAT } from 'jsvat';\nimport { validateIBAN } from 'ibantools';\nimport addressFormatter from '@fragaria/address-formatter';\nexport const x = [z, checkVAT, validateIBAN, addressFormatter];\n")).toEqual([]);
    expect(await lint('shared/tax/example.ts', "import { format } from 'date-fns';\nexport const x = format;\n")).toEqual([expect.stringMatching(/may import only itself and zod, jsvat, ibantools/)]);
    expect(await lint('shared/tax/example.ts', "import { it } from 'vitest';\nexport const x = it;\n")).toEqual([expect.stringMatching(/may import only itself/)]);
    expect(await lint('shared/tax/example.test.ts', "import { it } from 'vitest';\nimport fc from 'fast-check';\nexport const x = [it, fc];\n")).toEqual([]);
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

  it.each([
    ['electron/main/invoicing/example.ts', "import { AppError } from '../api/errors';"],
    ['electron/main/invoicing/example.ts', "import type { HandlerContext } from '../api/handler';"],
    ['electron/main/contracts/example.ts', "import { createRouter } from '../api/router';"],
    ['electron/main/pdf/example.ts', "import { openMainWindow } from '../shell/window';"],
    ['electron/main/errors.ts', "import { createRouter } from './api/router';"],
  ])('a service may not import the layers above it: %s %s', async (file, code) => {
    const messages = await lint(file, `${code}\nexport const x = 1;\n`);
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*Services must not import the api/);
  });

  it('services may import errors, db/ and shared/, and handlers may import services', async () => {
    const service = "import { found } from '../errors';\nimport { getInvoiceRow } from '../../../db/invoices';\nimport { evaluate } from '../../../shared/invoice/evaluate';\nexport const x = [found, getInvoiceRow, evaluate];\n";
    expect(await lint('electron/main/contracts/example.ts', service)).toEqual([]);
    const handler = "import { issueInvoice } from '../../invoicing/issue';\nexport const x = issueInvoice;\n";
    expect(await lint('electron/main/api/handlers/example.ts', handler)).toEqual([]);
  });

  it('db/ may not import the main process or the renderer', async () => {
    const messages = await lint('db/example.ts', "import { AppError } from '../electron/main/errors';\nexport const x = AppError;\n");
    expect(messages).toEqual([expect.stringMatching(/db\/ is below the main process/)]);
  });

  it('the api layer may not import the shell', async () => {
    const messages = await lint('electron/main/api/example.ts', "import { openMainWindow } from '../shell/window';\nexport const x = openMainWindow;\n");
    expect(messages).toEqual([expect.stringMatching(/api layer must not import the shell/)]);
  });

  it('the renderer reaches main only through the API client', async () => {
    const messages = await lint('renderer/src/example.ts', "import { getClient } from '../../db/clients';\nexport const x = getClient;\n");
    expect(messages).toEqual([expect.stringMatching(/typed API client/)]);
  });
});
