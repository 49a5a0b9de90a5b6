import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod } from './errors';
import './messages';

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return fieldErrorsFromZod(parsed.error);
};

describe('messages for checks a schema does not word itself', () => {
  const schema = z.object({
    format: z.enum(['json', 'csv']),
    name: z.string().min(1).max(3),
    count: z.number().int().min(1).max(500),
    tags: z.array(z.string()).max(1),
    email: z.email(),
    on: z.boolean(),
  });
  const good = { format: 'csv', name: 'ab', count: 3, tags: [], email: 'a@b.co', on: true };

  it('say what to enter or choose, never zod’s own wording', () => {
    expect(errorsOf(schema, { ...good, format: 'xml' })).toEqual({ format: 'Choose one of: json, csv' });
    expect(errorsOf(schema, { ...good, name: undefined })).toEqual({ name: 'This is required' });
    expect(errorsOf(schema, { ...good, name: '' })).toEqual({ name: 'This can’t be empty' });
    expect(errorsOf(schema, { ...good, name: 'abcd' })).toEqual({ name: 'Use at most 3 characters' });
    expect(errorsOf(schema, { ...good, count: 'three' })).toEqual({ count: 'Enter a number' });
    expect(errorsOf(schema, { ...good, count: 0 })).toEqual({ count: 'Enter 1 or more' });
    expect(errorsOf(schema, { ...good, count: 501 })).toEqual({ count: 'Enter 500 or less' });
    expect(errorsOf(schema, { ...good, tags: ['a', 'b'] })).toEqual({ tags: 'Use at most 1 item' });
    expect(errorsOf(schema, { ...good, email: 'nope' })).toEqual({ email: 'Enter an email address, like name@example.com' });
    expect(errorsOf(schema, { ...good, on: 'yes' })).toEqual({ on: 'Choose yes or no' });
    expect(errorsOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1 })).toEqual({ _: 'Unknown field: b' });
  });

  it('leave a schema’s own message in place', () => {
    expect(errorsOf(z.object({ box: z.enum(['box1'], { error: 'Choose a box from 1 to 9' }) }), { box: 'box10' })).toEqual({ box: 'Choose a box from 1 to 9' });
  });
});
