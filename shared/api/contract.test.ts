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

  it('refreshes the dashboard and Today after every write they read from: documents, payments, time, the timer, expenses, rates and leads', () => {
    const readByReports = /^(invoices|creditNotes|payments|time|timer|expenses|rates|leads)\.(?!get|list|totals|week|current|settings|suggestRate|preview|forLead|ics|proposeSlots|pdf|savePdf|receipt|matches)/;
    const stale = Object.entries(contract)
      .filter(([name, def]) => readByReports.test(name) && 'invalidates' in def)
      .filter(([, def]) => !((def as { invalidates: readonly string[] }).invalidates.includes('reports')))
      .map(([name]) => name);
    expect(stale).toEqual([]);
  });
});
