import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

describe('singleFlight', () => {
  it('drops a save asked for while one is running, and runs the next one once it is done', async () => {
    const once = singleFlight();
    let saves = 0;
    let finish!: () => void;
    const save = () => {
      saves += 1;
      return new Promise<string>((resolve) => (finish = () => resolve(`saved ${saves}`)));
    };
    const first = once(save);
    const repeat = once(save);
    expect(await repeat).toBeUndefined();
    finish();
    expect(await first).toBe('saved 1');
    const next = once(save);
    finish();
    expect(await next).toBe('saved 2');
    expect(saves).toBe(2);
  });

  it('opens again after a save fails', async () => {
    const once = singleFlight();
    await expect(once(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await once(() => Promise.resolve('saved'))).toBe('saved');
  });
});
