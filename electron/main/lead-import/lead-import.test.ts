import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { GENERIC_CSV, GOOGLE_CSV, LINKEDIN_CSV } from '../../../shared/lead-import/fixtures';
import { invoicingApi, sampleProfile, testApi } from '../../../test/temp-store';

async function leadsApi() {
  const api = testApi();
  await api.call('profile.save', { ...sampleProfile, timeZone: 'Europe/London' });
  return api;
}

const allLeads = async (api: Awaited<ReturnType<typeof leadsApi>>) => (await api.call('leads.list', { includeClosed: true, showRecruiters: true })).leads;

const eml = (headers: string, body: string) => Buffer.from(`${headers}\r\n\r\n${body}`.replace(/\r?\n/g, '\r\n')).toString('base64');

describe('CSV preview', () => {
  it('reads each export: LinkedIn under its notes (CRLF, quoted comma), Google Contacts (quoted newline), generic with a BOM', async () => {
    const api = await leadsApi();
    const linkedin = await api.call('leadImport.previewCsv', { text: LINKEDIN_CSV });
    expect(linkedin).toMatchObject({ format: 'linkedin', errorCount: 0 });
    expect(linkedin.rows.map((r) => [r.record.name, r.record.organisation, r.record.email])).toEqual([
      ['Dana Reyes', 'Acme, Inc.', 'dana@acme.com'],
      ['Sam Patel', 'Globex', null],
    ]);
    const google = await api.call('leadImport.previewCsv', { text: GOOGLE_CSV });
    expect(google).toMatchObject({ format: 'google', errorCount: 0 });
    expect(google.rows[0]!.record).toMatchObject({ name: 'Jo Lee', email: 'jo@initech.com', phone: '+44 7700 900123', position: 'Engineering Manager', notes: 'Met at PGConf\nwants a migration' });
    const generic = await api.call('leadImport.previewCsv', { text: `\uFEFF${GENERIC_CSV}` });
    expect(generic.columns[0]).toBe('Name');
    expect(generic.rows[0]!.record).toMatchObject({ name: 'Ana Müller', title: 'Data platform rebuild' });
  });

  it('refuses an empty file, a header alone, broken quoting, a file over 10 MB and a mapping outside the file', async () => {
    const api = await leadsApi();
    const message = async (input: object) => ((await api.raw('leadImport.previewCsv', input)) as { error: { message: string } }).error.message;
    expect(await message({ text: '\uFEFF \r\n' })).toBe('This file is empty.');
    expect(await message({ text: 'Name,Email\r\n' })).toBe('This file has a header but no rows to import.');
    expect(await message({ text: 'Name,Email\n"Ann,ann@example.com\n' })).toMatch(/not valid CSV/);
    expect(await api.raw('leadImport.previewCsv', { text: `Name,Email\n${'x'.repeat(10 * 1024 * 1024)}` })).toMatchObject({ ok: false, error: { fieldErrors: { text: 'Choose a file of at most 10 MB' } } });
    expect(await message({ text: `Name,Email\n${'é'.repeat(6 * 1024 * 1024)}` })).toBe('This file is larger than 10 MB. Split it and import the parts.');
    expect(await message({ text: 'Name,Email\nAnn,ann@example.com', mapping: { ...(await api.call('leadImport.previewCsv', { text: GENERIC_CSV })).mapping, email: 7 } })).toMatch(/column this file does not have/);
  });
});

describe('CSV import', () => {
  const withBadRow = `${LINKEDIN_CSV}\r\nBad,Row,,not-an-email,X,,\r\nDana,Again,,DANA@acme.com,Acme,,`;

  it('refuses the whole file when a row is bad or a duplicate, and changes nothing', async () => {
    const api = await leadsApi();
    const preview = await api.call('leadImport.previewCsv', { text: withBadRow, source: 'platform' });
    expect(preview.rows.filter((r) => r.errors.length > 0).map((r) => [r.row, r.errors])).toEqual([
      [3, ['Enter an email address like name@example.com']],
      [4, ['Same email as row 1']],
    ]);
    const refused = await api.raw('leadImport.importCsv', { text: withBadRow, source: 'platform' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^Nothing was imported: 2 rows have errors/) } });
    expect(await allLeads(api)).toEqual([]);
  });

  it('imports the good rows as leads with the chosen source when told to skip the others, flags agency emails, and then sees them as duplicates', async () => {
    const api = await leadsApi();
    await api.call('leads.saveSettings', { ...(await api.call('leads.settings')), agencyDomains: ['acme.com'] });
    const result = await api.call('leadImport.importCsv', { text: withBadRow, source: 'platform', skipErrors: true });
    expect(result.imported).toBe(2);
    expect(result.skipped.map((r) => r.row)).toEqual([3, 4]);
    const leads = await allLeads(api);
    expect(leads.map((l) => [l.title, l.source, l.recruiter, l.contactEmail]).sort()).toEqual([
      ['Dana Reyes — Acme, Inc.', 'platform', true, 'dana@acme.com'],
      ['Sam Patel — Globex', 'platform', false, null],
    ]);
    expect(leads.find((l) => l.contactName === 'Dana Reyes')!.notes).toBe('Position: CTO');
    const again = (await api.call('leadImport.previewCsv', { text: LINKEDIN_CSV })).rows;
    expect(again[0]!.errors).toEqual(['Already a lead or contact: dana@acme.com']);
    // Sam has no email in the export: his profile link knows him, so importing the file twice adds nobody.
    expect(again[1]!.errors).toEqual(['Already a lead or contact: https://www.linkedin.com/in/sampatel']);
  });

  it('imports contacts into an existing client, refusing a duplicate of a client contact and an unknown client', async () => {
    const { api, clientId } = await invoicingApi();
    await api.call('contacts.create', { clientId, name: 'Jo Lee', email: 'jo@initech.com' });
    const text = 'Name,Email,Position\nAnn Bell,ann@example.com,CFO\nJo Lee,jo@initech.com,\n';
    expect(await api.raw('leadImport.importCsv', { text, target: 'contacts', clientId })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/row 2: Already a lead or contact/) } });
    expect(await api.raw('leadImport.importCsv', { text, target: 'contacts' })).toMatchObject({ ok: false, error: { fieldErrors: { clientId: expect.any(String) } } });
    expect(await api.raw('leadImport.importCsv', { text, target: 'contacts', clientId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await api.call('clients.get', { id: clientId })).contacts.map((c) => c.name)).toEqual(['Jo Lee']);
    await api.call('leadImport.importCsv', { text, target: 'contacts', clientId, skipErrors: true });
    expect((await api.call('clients.get', { id: clientId })).contacts.map((c) => [c.name, c.role])).toEqual([['Ann Bell', 'CFO'], ['Jo Lee', null]]);
  });
});

describe('CSV export', () => {
  it('writes the filtered list with formula-like cells escaped', async () => {
    const api = await leadsApi();
    await api.call('leads.create', { title: '=HYPERLINK("http://evil.example","x")', organisation: '+Acme', contactName: '@Dana', notes: '-1+2', source: 'direct' });
    await api.call('leads.create', { title: 'Hidden recruiter role', source: 'recruiter' });
    const { fileName, text } = await api.call('leadImport.exportCsv', {});
    expect(fileName).toBe('leads-2026-11-22.csv');
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1);
    const cell = (name: string) => rows[0]![header!.indexOf(name)];
    expect([cell('Title'), cell('Organisation'), cell('Contact'), cell('Notes'), cell('Stage')]).toEqual(["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+Acme", "'@Dana", "'-1+2", 'New']);
    expect(Papa.parse<string[]>((await api.call('leadImport.exportCsv', { showRecruiters: true })).text, { skipEmptyLines: true }).data).toHaveLength(3);
  });
});

describe('a lead from an .eml file', () => {
  it('creates the lead from the sender and subject with the text as its first email activity, ignoring the attachment', async () => {
    const api = await leadsApi();
    const data = eml(
      'From: "Dana Reyes" <dana@acme.com>\nTo: me@example.com\nSubject: Postgres tuning help?\nDate: Fri, 20 Nov 2026 09:15:00 +0000\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b1"',
      '--b1\nContent-Type: text/html; charset=utf-8\n\n<p>Hi,<br>can you <b>help</b>?</p><script>alert(1)</script>\n--b1\nContent-Type: application/x-msdownload\nContent-Disposition: attachment; filename="run.exe"\nContent-Transfer-Encoding: base64\n\nTVqQAAMAAAAEAAAA\n--b1--\n',
    );
    const lead = await api.call('leadImport.fromEml', { fileName: 'enquiry.eml', dataBase64: data });
    expect(lead).toMatchObject({ title: 'Postgres tuning help?', contactName: 'Dana Reyes', contactEmail: 'dana@acme.com', source: 'inbound' });
    expect(lead.timeline.find((a) => a.kind === 'email')).toMatchObject({ body: 'Hi,\ncan you help?', occurredAt: '2026-11-20T09:15:00.000Z' });
  });

  it('refuses a file that is not an email, one without a sender and one over 5 MB, creating nothing', async () => {
    const api = await leadsApi();
    const message = async (dataBase64: string) => ((await api.raw('leadImport.fromEml', { fileName: 'x.eml', dataBase64 })) as { error: { message: string } }).error.message;
    expect(await message(Buffer.from('just some words, no headers').toString('base64'))).toMatch(/not an email with a sender/);
    expect(await message(eml('Subject: Hello', 'Body'))).toMatch(/not an email with a sender/);
    expect(await message(Buffer.alloc(5 * 1024 * 1024 + 10, 65).toString('base64'))).toMatch(/5 MB/);
    expect(await allLeads(api)).toEqual([]);
  });
});
