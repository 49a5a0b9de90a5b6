import { describe, expect, it } from 'vitest';
import { optionalText, requiredText } from './strings';

describe('text fields', () => {
  const name = requiredText('Name', 10);
  const notes = optionalText('Notes', 20, { multiline: true });

  it('trims and enforces length', () => {
    expect(name.parse('  Zoë  ')).toBe('Zoë');
    expect(name.safeParse('   ').error?.issues[0]?.message).toBe('Name is required');
    expect(name.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('Name must be at most 10 characters');
  });

  it('refuses lone surrogates rather than store changed text', () => {
    expect(name.safeParse('a\ud800b').error?.issues[0]?.message).toBe('Contains characters that are not valid text');
    expect(name.parse('王小明 😀')).toBe('王小明 😀');
  });

  it('refuses control characters, except line breaks in multi-line text', () => {
    expect(name.safeParse('a\u0007b').success).toBe(false);
    expect(name.safeParse('a\nb').success).toBe(false);
    expect(notes.parse('line 1\nline 2')).toBe('line 1\nline 2');
    expect(notes.safeParse('bell\u0007').success).toBe(false);
  });

  it('turns blank optional text into null', () => {
    expect(notes.parse('  ')).toBeNull();
    expect(notes.parse(undefined)).toBeNull();
  });
});
