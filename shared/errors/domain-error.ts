/**
 * A rule of the domain core refused its input: the message is written for the user and
 * `fieldErrors` (keyed by API field path, e.g. "lines.0.unitPrice") say where. It extends
 * RangeError because every such refusal is a value outside what the rules can handle. The API
 * router reports it as VALIDATION, so input the contract's schema cannot judge alone (an amount
 * that overflows once multiplied, a date with no known VAT rate) still gets a clear answer.
 */
export class DomainError extends RangeError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The same refusal, reported against `field` too (the caller knows which input caused it). */
  at(field: string): DomainError {
    return new DomainError(this.message, { ...this.fieldErrors, [field]: this.fieldErrors[field] ?? this.message });
  }
}
