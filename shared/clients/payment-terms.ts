/** What a new business profile offers, and what a draft uses when nothing else says. */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/**
 * Days a new invoice for this client gives to pay: the client's own terms (0 included), else the
 * business profile's default, else 30. `profile` is null before the profile exists and undefined
 * while it loads.
 */
export function paymentTermsFor(client: { paymentTermsDays: number | null }, profile: { defaultPaymentTermsDays: number } | null | undefined): number {
  return client.paymentTermsDays ?? profile?.defaultPaymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS;
}
