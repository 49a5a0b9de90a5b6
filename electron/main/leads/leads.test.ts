import { describe, expect, it } from 'vitest';
import { sampleProfile, testApi } from '../../../test/temp-store';

async function leadsApi(now = '2026-11-22T10:00:00Z') {
  const api = testApi(undefined, () => new Date(now));
  await api.call('profile.save', { ...sampleProfile, timeZone: 'Europe/London' });
  return api;
}

const referral = { title: 'Postgres tuning for Acme', organisation: 'Acme', contactName: 'Dana Reyes', contactEmail: 'dana@acme.com', source: 'referral' as const, sourceDetail: 'Sam Patel', estimate: '12000', currency: 'GBP', timezone: 'America/New_York' };

describe('leads', () => {
  it('creates a lead at New, logs it, and measures the overlap with the user’s day (London 09:00–17:30 and New York 09:00–17:00: 3.5 h)', async () => {
    const api = await leadsApi();
    const lead = await api.call('leads.create', referral);
    expect(lead).toMatchObject({ stage: 'new', recruiter: false, estimateMinor: 1_200_000, currency: 'GBP', stale: false, overlapMinutes: 210 });
    expect(lead.timeline.map((a) => [a.kind, a.toStage])).toEqual([['stage', 'new']]);
  });

  it('flags a recruiter by source or by an agency domain, and hides recruiters unless asked', async () => {
    const api = await leadsApi();
    await api.call('leads.saveSettings', { ...(await api.call('leads.settings')), agencyDomains: ['@Hays.com'] });
    expect((await api.call('leads.settings')).agencyDomains).toEqual(['hays.com']);
    const byDomain = await api.call('leads.create', { ...referral, title: 'SRE role', source: 'direct', contactEmail: 'jo@jobs.hays.com' });
    const bySource = await api.call('leads.create', { ...referral, title: 'DBA role', source: 'recruiter', contactEmail: 'x@example.org' });
    const direct = await api.call('leads.create', { ...referral, contactEmail: 'a@nothays.com' });
    expect([byDomain.recruiter, bySource.recruiter, direct.recruiter]).toEqual([true, true, false]);
    const hidden = await api.call('leads.list', {});
    expect(hidden.leads.map((l) => l.id)).toEqual([direct.id]);
    expect(hidden.hiddenRecruiters).toBe(2);
    expect((await api.call('leads.list', { showRecruiters: true })).leads).toHaveLength(3);
  });

  it('refuses bad input with field messages and stores nothing', async () => {
    const api = await leadsApi();
    const cases: [object, string][] = [
      [{ ...referral, title: ' ' }, 'title'],
      [{ ...referral, estimate: '12,000.555' }, 'estimate'],
      [{ ...referral, currency: null }, 'currency'],
      [{ ...referral, timezone: 'Mars/Olympus' }, 'timezone'],
      [{ ...referral, contactEmail: 'not-an-email' }, 'contactEmail'],
      [{ ...referral, links: ['javascript:alert(1)'] }, 'links.0'],
      [{ ...referral, nextActionDue: '2026-12-01', nextAction: null }, 'nextAction'],
      [{ ...referral, source: 'cold-call' }, 'source'],
      [{ ...referral, country: 'XX' }, 'country'],
    ];
    for (const [input, field] of cases) {
      const refused = await api.raw('leads.create', input);
      expect(refused, field).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { [field]: expect.any(String) } } });
    }
    expect((await api.call('leads.list', { includeClosed: true, showRecruiters: true })).leads).toEqual([]);
  });

  it('logs every stage change with its time; lost needs a reason; won only through a proposal; a lost lead reopens', async () => {
    const api = await leadsApi();
    const { id } = await api.call('leads.create', referral);
    await api.call('leads.setStage', { id, stage: 'qualified' });
    expect(await api.raw('leads.setStage', { id, stage: 'lost' })).toMatchObject({ ok: false, error: { fieldErrors: { lostReason: 'Choose why it was lost' } } });
    expect(await api.raw('leads.setStage', { id, stage: 'won' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { stage: expect.any(String) } } });
    expect((await api.call('leads.get', { id })).stage).toBe('qualified');
    const lost = await api.call('leads.setStage', { id, stage: 'lost', lostReason: 'price', lostNote: 'Went with an agency' });
    expect(lost).toMatchObject({ stage: 'lost', lostReason: 'price', lostNote: 'Went with an agency', stale: false });
    const reopened = await api.call('leads.setStage', { id, stage: 'negotiating' });
    expect(reopened).toMatchObject({ lostReason: null, lostNote: null });
    expect(reopened.timeline.filter((a) => a.kind === 'stage').map((a) => [a.fromStage, a.toStage, a.occurredAt])).toEqual([
      [null, 'new', '2026-11-22T10:00:00.000Z'],
      ['new', 'qualified', '2026-11-22T10:00:00.000Z'],
      ['qualified', 'lost', '2026-11-22T10:00:00.000Z'],
      ['lost', 'negotiating', '2026-11-22T10:00:00.000Z'],
    ]);
  });

  it('marks a lead stale after the set days without contact; logging a call clears it, a note does not', async () => {
    const created = await leadsApi('2026-11-01T10:00:00Z');
    const { id } = await created.call('leads.create', referral);
    const later = testApi(created.dataDir, () => new Date('2026-11-15T10:00:00Z'));
    expect((await later.call('leads.get', { id })).stale).toBe(true);
    expect((await later.call('leads.list', { staleOnly: true })).leads.map((l) => l.id)).toEqual([id]);
    expect((await later.call('leads.logActivity', { leadId: id, kind: 'note', body: 'Looked at their repo' })).stale).toBe(true);
    expect((await later.call('leads.logActivity', { leadId: id, kind: 'call', body: 'Spoke to Dana' })).stale).toBe(false);
    expect(await later.raw('leads.logActivity', { leadId: id, kind: 'email', body: 'Sent', occurredAt: '2026-12-01T10:00:00Z' })).toMatchObject({ ok: false, error: { fieldErrors: { occurredAt: expect.any(String) } } });
  });

  it('filters by minimum overlap and weights each stage’s value by its probability in the home currency', async () => {
    const api = await leadsApi();
    const ny = await api.call('leads.create', referral);
    await api.call('leads.create', { ...referral, title: 'Sydney', timezone: 'Australia/Sydney', estimate: '5000' });
    await api.call('leads.create', { ...referral, title: 'USD, no rate', currency: 'USD', timezone: null });
    expect((await api.call('leads.list', { minOverlapHours: 3 })).leads.map((l) => l.id)).toEqual([ny.id]);
    const board = await api.call('leads.list', {});
    // 12,000 + 5,000 GBP at New (10%): 1,700.00 weighted; the USD lead has no rate, so it is counted, not guessed.
    expect(board.stages[0]).toMatchObject({ stage: 'new', count: 3, valueMinor: 1_700_000, weightedMinor: 170_000, unconvertedCount: 1 });
    // Sorted by value in pounds: 100,000 JPY (£500 at 200) is worth less than 5,000 GBP; the USD lead with no rate comes last either way.
    await api.call('rates.save', { currency: 'JPY', rate: '200', source: 'market', date: '2026-11-18' });
    await api.call('leads.create', { ...referral, title: 'Tokyo', currency: 'JPY', estimate: '100000', timezone: null });
    const titles = async (direction: 'asc' | 'desc') => (await api.call('leads.list', { sort: 'value', direction })).leads.map((l) => l.title);
    expect(await titles('desc')).toEqual([referral.title, 'Sydney', 'Tokyo', 'USD, no rate']);
    expect(await titles('asc')).toEqual(['Tokyo', 'Sydney', referral.title, 'USD, no rate']);
  });

  it('puts the open pipeline on the dashboard, recruiters included, foreign estimates at the latest stored rate, each stage weighted', async () => {
    const api = await leadsApi();
    await api.call('rates.save', { currency: 'USD', rate: '1.2700', source: 'market', date: '2026-11-18' });
    const usd = await api.call('leads.create', { ...referral, estimate: '12700', currency: 'USD' });
    await api.call('leads.setStage', { id: usd.id, stage: 'qualified' });
    await api.call('leads.create', { ...referral, title: 'Agency role', source: 'recruiter', estimate: '5000' });
    const lost = await api.call('leads.create', { ...referral, title: 'Lost one' });
    await api.call('leads.setStage', { id: lost.id, stage: 'lost', lostReason: 'timing' });
    const { pipeline } = await api.call('reports.dashboard', { months: 12 });
    // $12,700 at 1.27 = £10,000.00 at Qualified (20%): £2,000.00; £5,000.00 at New (10%): £500.00; the lost lead is not in the pipeline.
    expect(pipeline.map((s) => [s.stage, s.count, s.valueMinor, s.weightedMinor])).toEqual([
      ['new', 1, 500_000, 50_000],
      ['qualified', 1, 1_000_000, 200_000],
      ['call-booked', 0, 0, 0],
      ['call-held', 0, 0, 0],
      ['proposal-sent', 0, 0, 0],
      ['negotiating', 0, 0, 0],
    ]);
    // The board agrees with the dashboard for the same leads.
    const board = await api.call('leads.list', { showRecruiters: true });
    expect(board.stages.slice(0, 2).map((s) => s.weightedMinor)).toEqual([50_000, 200_000]);
  });
});
