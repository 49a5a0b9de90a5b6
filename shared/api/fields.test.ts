import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CurrencyCode } from '../reference/currencies';
import type { Client, ClientSummary } from './clients';
import { currencyCode } from './fields';
import type { InvoiceSummary } from './invoices';
import type { BankAccount, Profile } from './profile';

describe('currencyCode (outputs)', () => {
  it('accepts ISO 4217 codes, including the newest', () => {
    expect(currencyCode.parse('GBP')).toBe('GBP');
    expect(currencyCode.parse('XCG')).toBe('XCG');
  });

  it('refuses anything else, so a reader can rely on the type', () => {
    for (const bad of ['', 'gbp', 'XYZ', 'GBP ', '£']) expect(currencyCode.safeParse(bad).success).toBe(false);
  });

  it('types every currency in the outputs as CurrencyCode (checked by tsc)', () => {
    expectTypeOf<Client['currency']>().toEqualTypeOf<CurrencyCode>();
    expectTypeOf<ClientSummary['currency']>().toEqualTypeOf<CurrencyCode>();
    expectTypeOf<Profile['homeCurrency']>().toEqualTypeOf<CurrencyCode>();
    expectTypeOf<BankAccount['currency']>().toEqualTypeOf<CurrencyCode>();
    expectTypeOf<InvoiceSummary['currency']>().toEqualTypeOf<CurrencyCode>();
  });
});
