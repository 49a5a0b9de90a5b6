import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYMENT_TERMS_DAYS, paymentTermsFor } from './payment-terms';

describe('paymentTermsFor', () => {
  it("uses the client's own terms over the business default", () => {
    expect(paymentTermsFor({ paymentTermsDays: 45 }, { defaultPaymentTermsDays: 14 })).toBe(45);
  });

  it('keeps terms of 0 days (due on receipt) rather than treating them as missing', () => {
    expect(paymentTermsFor({ paymentTermsDays: 0 }, { defaultPaymentTermsDays: 14 })).toBe(0);
  });

  it("falls back to the business default when the client has none, even a default of 0", () => {
    expect(paymentTermsFor({ paymentTermsDays: null }, { defaultPaymentTermsDays: 14 })).toBe(14);
    expect(paymentTermsFor({ paymentTermsDays: null }, { defaultPaymentTermsDays: 0 })).toBe(0);
  });

  it('falls back to 30 days with no profile, or while it loads', () => {
    expect(DEFAULT_PAYMENT_TERMS_DAYS).toBe(30);
    expect(paymentTermsFor({ paymentTermsDays: null }, null)).toBe(30);
    expect(paymentTermsFor({ paymentTermsDays: null }, undefined)).toBe(30);
  });
});
