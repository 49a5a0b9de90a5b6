import { z } from 'zod';

/** What a field of this type asks for, in the words a form uses. */
const EXPECTED: Record<string, string> = {
  string: 'Enter text',
  number: 'Enter a number',
  int: 'Enter a whole number',
  boolean: 'Choose yes or no',
  array: 'Give a list',
  object: 'Give the details',
  date: 'Enter a date',
};

/** How many of what a limit counts, for the origins zod reports. */
const UNITS: Record<string, [string, string]> = { string: ['character', 'characters'], array: ['item', 'items'], set: ['item', 'items'] };

const plural = (n: number | bigint, [one, many]: [string, string]) => `${n} ${Number(n) === 1 ? one : many}`;

/**
 * Plain messages for every check a schema does not word itself, so no input is refused in zod's own
 * words ("Invalid option: expected one of …"). Schema-level messages still win: zod asks this only
 * when a check has none. Returns undefined for codes zod's wording already serves.
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1 ? `Enter ${String(issue.values[0])}` : `Choose one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'This is required' : (EXPECTED[issue.expected] ?? 'This value is not valid');
    case 'too_small': {
      const units = UNITS[issue.origin];
      if (units) return Number(issue.minimum) === 1 ? 'This can’t be empty' : `Use at least ${plural(issue.minimum, units)}`;
      return issue.inclusive === false ? `Enter more than ${issue.minimum}` : `Enter ${issue.minimum} or more`;
    }
    case 'too_big': {
      const units = UNITS[issue.origin];
      if (units) return `Use at most ${plural(issue.maximum, units)}`;
      return issue.inclusive === false ? `Enter less than ${issue.maximum}` : `Enter ${issue.maximum} or less`;
    }
    case 'invalid_format':
      return issue.format === 'email' ? 'Enter an email address, like name@example.com' : issue.format === 'url' ? 'Enter a web address, like https://example.com' : 'This is not in the expected format';
    case 'not_multiple_of':
      return `Enter a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `Unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'This value is not valid';
    default:
      return undefined;
  }
}

z.config({ customError: plainMessage });
