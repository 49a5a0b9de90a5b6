import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { clientInput, contactInput } from '../../../shared/api/clients';
import { draftInput } from '../../../shared/api/invoices';
import { profileInput } from '../../../shared/api/profile';
import { fieldMaxLength, maxLengthOf } from './max-length';

describe('maxLengthOf', () => {
  it("reads a string's own limit through optional, nullable, default and pipes", () => {
    expect(maxLengthOf(z.string().max(12))).toBe(12);
    expect(maxLengthOf(z.string().max(12).nullish().default(null))).toBe(12);
    expect(maxLengthOf(z.string().transform((s) => s.trim()).pipe(z.string().max(7)))).toBe(7);
    expect(maxLengthOf(z.string().max(20).transform((s) => s.trim()).pipe(z.string().max(7)))).toBe(7);
  });

  it('takes the widest option of a union, and no limit when any option has none', () => {
    expect(maxLengthOf(z.union([z.literal(''), z.email().max(254)]))).toBe(254);
    expect(maxLengthOf(z.union([z.string(), z.string().max(3)]))).toBeUndefined();
  });

  it('is undefined for a schema with no length limit', () => {
    expect(maxLengthOf(z.string())).toBeUndefined();
    expect(maxLengthOf(z.number().max(5))).toBeUndefined();
  });
});

describe('fieldMaxLength', () => {
  it("is exactly the contract's limit: the API takes text that long and refuses one character more", () => {
    const notes = fieldMaxLength(draftInput, 'notes')!;
    expect(notes).toBeGreaterThan(0);
    const shape = draftInput.shape;
    expect(shape.notes.safeParse('n'.repeat(notes)).success).toBe(true);
    expect(shape.notes.safeParse('n'.repeat(notes + 1)).success).toBe(false);
  });

  it('follows paths into arrays, nested objects, transformed objects and refined fields', () => {
    expect(fieldMaxLength(draftInput, 'lines.0.description')).toBe(500);
    expect(fieldMaxLength(draftInput, 'lines.3.quantity')).toBe(40);
    expect(fieldMaxLength(draftInput, 'vatOverride.reason')).toBe(300);
    expect(fieldMaxLength(clientInput, 'notes')).toBe(5000);
    expect(fieldMaxLength(contactInput, 'email')).toBe(254);
    expect(fieldMaxLength(profileInput, 'bankAccounts.0.accountHolder')).toBeGreaterThan(0);
  });

  it('fails loudly for a path the schema does not have, so a renamed field never loses its limit', () => {
    expect(() => fieldMaxLength(draftInput, 'note')).toThrow('The schema has no field note');
    expect(() => fieldMaxLength(draftInput, 'lines.x.description')).toThrow('lines.x.description');
  });
});
