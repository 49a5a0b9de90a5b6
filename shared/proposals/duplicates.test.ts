import { describe, expect, it } from 'vitest';
import { businessDomain, likelyMatches, nameKey, taxKey, type ExistingClient } from './duplicates';

const clients: ExistingClient[] = [
  { id: 1, name: 'Müller GmbH', legalName: null, taxNumber: 'DE136695976', emails: ['anna@mueller.de'] },
  { id: 2, name: 'Acme Ltd', legalName: 'Acme Widgets Limited', taxNumber: null, emails: ['dana@acme.com', 'sam@gmail.com'] },
  { id: 3, name: 'Initech', legalName: null, taxNumber: 'GB 987 6543 53', emails: [] },
];

describe('duplicate clients for a won lead', () => {
  it('matches names folded: case, accents, punctuation and legal forms ignored', () => {
    expect(nameKey('MULLER gmbh')).toBe(nameKey('Müller GmbH'));
    expect(nameKey('Acme, Inc.')).toBe('acme');
    expect(likelyMatches({ name: 'muller', email: null, taxNumber: null }, clients)).toEqual([{ clientId: 1, name: 'Müller GmbH', reasons: ['name'] }]);
    expect(likelyMatches({ name: 'ACME WIDGETS LTD', email: null, taxNumber: null }, clients).map((m) => m.clientId)).toEqual([2]);
  });

  it('matches a contact’s business email domain but never a free mail domain', () => {
    expect(businessDomain('Jo@Acme.COM')).toBe('acme.com');
    expect(businessDomain('someone@gmail.com')).toBeNull();
    expect(businessDomain('someone@outlook.com')).toBeNull();
    expect(likelyMatches({ name: 'Road Runner Co', email: 'new.person@acme.com', taxNumber: null }, clients)).toEqual([{ clientId: 2, name: 'Acme Ltd', reasons: ['domain'] }]);
    expect(likelyMatches({ name: 'Someone else', email: 'other@gmail.com', taxNumber: null }, clients)).toEqual([]);
  });

  it('matches a VAT number typed with spaces or in lower case, and ranks it first', () => {
    expect(taxKey('gb 987-6543.53')).toBe('GB987654353');
    expect(taxKey('  ')).toBeNull();
    const matches = likelyMatches({ name: 'Acme', email: null, taxNumber: 'gb987654353' }, clients);
    expect(matches.map((m) => [m.clientId, m.reasons])).toEqual([
      [3, ['taxNumber']],
      [2, ['name']],
    ]);
  });

  it('finds nothing for a new organisation', () => {
    expect(likelyMatches({ name: 'Globex', email: 'hank@globex.com', taxNumber: 'FR40303265045' }, clients)).toEqual([]);
  });
});
