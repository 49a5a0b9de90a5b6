import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { htmlToText, leadFromEmail } from './email';
import { formatOfHeader, headerIndex, proposeMapping } from './formats';
import { checkRows, identityKeys, recordOf } from './rows';

const split = (line: string) => line.split(',');

describe('CSV formats and mapping', () => {
  it('recognises LinkedIn, Google Contacts and a generic header and proposes each column', () => {
    const linkedin = split('First Name,Last Name,URL,Email Address,Company,Position,Connected On');
    expect(formatOfHeader(linkedin)).toBe('linkedin');
    expect(proposeMapping(linkedin)).toMatchObject({ firstName: 0, lastName: 1, link: 2, email: 3, organisation: 4, position: 5, name: null, title: null });
    const google = split('First Name,Middle Name,Last Name,Organization Name,Organization Title,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value');
    expect(formatOfHeader(google)).toBe('google');
    expect(proposeMapping(google)).toMatchObject({ firstName: 0, lastName: 2, organisation: 3, position: 4, email: 6, phone: 8 });
    const generic = split(' name ,EMAIL,Company,Title');
    expect(formatOfHeader(generic)).toBe('generic');
    expect(proposeMapping(generic)).toMatchObject({ name: 0, email: 1, organisation: 2, title: 3 });
  });

  it('finds the header under LinkedIn’s "Notes:" preamble', () => {
    expect(headerIndex([['Notes:'], ['When exporting your connection data…'], split('First Name,Last Name,URL,Email Address,Company,Position,Connected On'), split('a,b,c,d,e,f,g')])).toBe(2);
    expect(headerIndex([split('Who,Where'), split('x,y')])).toBe(0);
  });
});

describe('checking rows', () => {
  const mapping = proposeMapping(split('First Name,Last Name,URL,Email Address,Company,Position,Connected On'));

  it('builds a lead from first and last name, company and position', () => {
    const record = recordOf(split('Dana,Reyes,https://www.linkedin.com/in/dana,dana@acme.com,Acme,CTO,12 Mar 2024'), mapping);
    expect(record).toMatchObject({ name: 'Dana Reyes', email: 'dana@acme.com', organisation: 'Acme', position: 'CTO', link: 'https://www.linkedin.com/in/dana' });
    expect(checkRows([split('Dana,Reyes,https://www.linkedin.com/in/dana,dana@acme.com,Acme,CTO,12 Mar 2024')], mapping, 'leads', 'platform', new Set())[0]!.errors).toEqual([]);
  });

  it('takes the first of the several emails and phones Google Contacts joins with " ::: "', () => {
    const google = proposeMapping(split('First Name,Last Name,E-mail 1 - Value,Phone 1 - Value'));
    expect(recordOf(['Jo', 'Lee', 'jo@work.example ::: jo@home.example', '+44 7700 900123 ::: +44 20 7946 0000'], google)).toMatchObject({ email: 'jo@work.example', phone: '+44 7700 900123' });
  });

  it('reports a bad email, a missing name, an existing contact and a repeat within the file, each on its row', () => {
    const rows = [
      split('Ann,Bell,,ann@@example.com,A,,'),
      split(',,,,,,'),
      split('Cy,Dunn,,Known@Example.com,C,,'),
      split('Di,Eve,,di@example.com,D,,'),
      split('Di,Eve,,DI@example.com,D,,'),
    ];
    const checked = checkRows(rows, mapping, 'leads', 'direct', new Set(['email:known@example.com']));
    expect(checked.map((r) => [r.row, r.errors])).toEqual([
      [1, ['Enter an email address like name@example.com']],
      [2, ['No name or title']],
      [3, ['Already a lead or contact: Known@Example.com']],
      [4, []],
      [5, ['Same email as row 4']],
    ]);
    expect(checkRows([split(',,,x@example.com,Org,,')], mapping, 'contacts', 'direct', new Set())[0]!.errors).toEqual(['No name']);
  });

  it('knows a connection without an email by its profile link, and with neither by the name at the organisation, accents folded', () => {
    const known = new Set(identityKeys({ email: null, links: ['https://www.linkedin.com/in/jorg-muller/'], name: 'Jörg Müller', organisation: 'Acme' }));
    expect(known).toEqual(new Set(['link:linkedin.com/in/jorg-muller']));
    expect(identityKeys({ email: null, links: [], name: 'Jörg Müller', organisation: 'ACME' })).toEqual(['name:jorg muller|acme']);
    expect(identityKeys({ email: 'J@Acme.com', links: ['http://linkedin.com/in/jorg-muller'], name: 'Jörg', organisation: null })).toEqual(['email:j@acme.com', 'link:linkedin.com/in/jorg-muller']);
  });
});

describe('a lead from an email', () => {
  const now = '2026-11-22T10:00:00.000Z';
  const mail = { fromName: 'Dana Reyes', fromAddress: 'dana@acme.com', subject: 'Postgres help?', date: 'Fri, 20 Nov 2026 09:15:00 +0100', text: 'Hi, can you help?', html: null };

  it('takes the sender, subject, text and Date header; an agency sender is a recruiter', () => {
    expect(leadFromEmail(mail, [], now)).toEqual({
      lead: { title: 'Postgres help?', contactName: 'Dana Reyes', contactEmail: 'dana@acme.com', source: 'inbound' },
      activity: { body: 'Hi, can you help?', occurredAt: '2026-11-20T08:15:00.000Z' },
    });
    expect(leadFromEmail({ ...mail, fromAddress: 'jo@jobs.hays.com' }, ['hays.com'], now).lead.source).toBe('recruiter');
  });

  it('uses now for a future or unreadable date, and names the lead after the sender without a subject', () => {
    expect(leadFromEmail({ ...mail, date: 'Mon, 1 Jan 2035 00:00:00 +0000' }, [], now).activity.occurredAt).toBe(now);
    expect(leadFromEmail({ ...mail, date: 'yesterday-ish' }, [], now).activity.occurredAt).toBe(now);
    expect(leadFromEmail({ ...mail, subject: '  ' }, [], now).lead.title).toBe('Email from Dana Reyes');
    expect(() => leadFromEmail({ ...mail, fromAddress: null }, [], now)).toThrow(DomainError);
  });

  it('turns an HTML-only body into text without keeping any markup', () => {
    const html = '<html><head><style>p{}</style></head><body><p>Hello&nbsp;<b>there</b></p><script>alert(1)</script><p>&lt;script&gt;x&lt;/script&gt; &#169; &#x41;</p></body></html>';
    expect(htmlToText(html)).toBe('Hello there\n<script>x</script> © A');
    expect(leadFromEmail({ ...mail, text: null, html }, [], now).activity.body).toBe('Hello there\n<script>x</script> © A');
  });
});
