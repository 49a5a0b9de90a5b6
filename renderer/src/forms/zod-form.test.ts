import { describe, expect, it } from 'vitest';
import { leadInput } from '../../../shared/api/leads';
import { listError, zodValidate } from './zod-form';

describe('a list field shows its items’ problems', () => {
  it('puts a bad link or tag under its multi-value field, which has no place for "links.0"', () => {
    const errors = zodValidate(leadInput)({ title: 'x', source: 'direct', links: ['https://ok.example', 'javascript:alert(1)'], tags: ['a,b'] });
    expect(listError(errors, 'links')).toBe('Enter a link starting with https://');
    expect(listError(errors, 'tags')).toBe("A tag can't contain a comma");
    expect(listError(errors, 'title')).toBeUndefined();
  });

  it('prefers the list’s own message', () => {
    expect(listError({ tags: 'At most 20 tags', 'tags.3': 'Tag is required' }, 'tags')).toBe('At most 20 tags');
    expect(listError({ tagsExtra: 'not mine' }, 'tags')).toBeUndefined();
  });
});
