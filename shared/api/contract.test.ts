import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from './call-names';
import { contract } from './contract';

describe('contract', () => {
  it('declares exactly the calls the preload exposes', () => {
    expect(Object.keys(contract).toSorted()).toEqual([...CALL_NAMES].toSorted());
  });

  it('only invalidates families that exist', () => {
    const families = new Set(Object.values(contract).map((def) => def.family));
    for (const def of Object.values(contract)) {
      for (const family of (def as { invalidates?: readonly string[] }).invalidates ?? []) expect(families).toContain(family);
    }
  });
});
