import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { expect, test } from '@playwright/test';
import { channelFor, type CallName } from '../shared/api/call-names';
import { contract } from '../shared/api/contract';

test('the built preload is one CommonJS file exposing exactly the declared calls and the OS locale it was passed', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'A Node-only check; once is enough');
  const code = fs.readFileSync(path.join(import.meta.dirname, '..', 'out', 'preload', 'index.cjs'), 'utf8');
  const required: string[] = [];
  const exposed: Record<string, Record<string, unknown>> = {};
  const invoked: [string, unknown][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api) },
    ipcRenderer: { invoke: (channel: string, input: unknown) => invoked.push([channel, input]) },
  };
  const module = { exports: {} };
  vm.runInNewContext(code, {
    module,
    exports: module.exports,
    process: { argv: ['electron', '--type=renderer', '--billable-locale=de-DE'] },
    require: (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`the preload requires ${id}`);
    },
  });

  expect(required).toEqual(['electron']);
  expect(Object.keys(exposed)).toEqual(['billable', 'billableDesktop']);
  expect(exposed.billableDesktop).toEqual({ locale: 'de-DE' });
  expect(Object.isFrozen(exposed.billableDesktop)).toBe(true);
  const bridge = exposed.billable as Record<string, (input: unknown) => unknown>;
  expect(Object.keys(bridge).toSorted()).toEqual(Object.keys(contract).toSorted());
  expect(Object.isFrozen(bridge)).toBe(true);
  for (const name of Object.keys(contract) as CallName[]) bridge[name]!({ probe: name });
  expect(invoked).toEqual(Object.keys(contract).map((name) => [channelFor(name as CallName), { probe: name }]));
});
