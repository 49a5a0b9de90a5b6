import { describe, expect, it } from 'vitest';
import { storePaths } from '../../../db/paths';
import { holdWriteLock, releaseLock } from '../../../test/lock-holder';
import { sampleClient, sampleProfile, testApi } from '../../../test/temp-store';

describe('StoreHolder while open', () => {
  it('says another program holds the write lock, saves nothing, and saves once it lets go', { timeout: 20_000 }, async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const lock = await holdWriteLock(storePaths(api.dataDir).database);
    expect(await api.raw('clients.create', sampleClient)).toEqual({
      ok: false,
      error: { code: 'STORE_BUSY', message: expect.stringMatching(/^Another program is using your data file/), fieldErrors: {} },
    });
    await releaseLock(lock);
    expect(await api.call('clients.list', {})).toEqual([]);
    expect(await api.call('clients.create', sampleClient)).toMatchObject({ name: sampleClient.name });
  });

  it('takes the first backup on the timer once a profile exists', async () => {
    const api = testApi();
    expect(await api.call('app.status')).toMatchObject({ state: 'ready', backupProblem: null });
    api.holder.backupIfDue();
    expect(api.holder.lastBackup()).toBeNull();
    await api.call('profile.save', sampleProfile);
    api.holder.backupIfDue();
    expect(api.holder.lastBackup()).toMatchObject({ file: expect.stringMatching(/-daily\.sqlite$/) });
  });
});
