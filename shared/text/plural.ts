const rules = new Intl.PluralRules('en-GB');

/** "1 entry", "3 entries": a count with the English form its number takes (Intl.PluralRules, never `n === 1`). */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${rules.select(n) === 'one' ? one : many}`;
}
