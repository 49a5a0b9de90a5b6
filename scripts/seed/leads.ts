/**
 * The pipeline on top of the decade book (issue 15's bench): leads across every stage with notes
 * and tags in several languages, and their timelines, so the board and global search are measured
 * on a realistic book. Written as batched SQL inserts with the columns the app writes; the search
 * index's triggers (migration 0025) index every row as it goes in, as they do in the app.
 */
import type Database from 'better-sqlite3';
import { LEAD_SOURCES } from '../../shared/leads/sources';
import { LEAD_STAGES, LOST_REASONS } from '../../shared/leads/stages';
import { openApi } from '../../test/api-client';
import { random } from './decade';
import { ENGAGEMENTS_TODAY } from './engagements';

export interface LeadSeedOptions {
  /** Multiplies every count; 1 is 2,000 leads and 20,000 activities. */
  scale: number;
}

/** Counts at scale 1 (issue 15: 2,000 leads and 20,000 activities). */
export const LEADS_AT_1X = { leads: 2_000, activities: 20_000 } as const;

const ORGANISATIONS = ['Kühne Logistik', 'Société Générale Labs', 'Zürich Versicherung', 'Ørsted Analytics', 'Łódź Fintech', 'Café Olé', 'São Paulo Dados', 'Müller & Söhne', 'Acme Corp', 'Globex', 'Nordström Retail', 'Crédit Agricole Tech', 'Škoda Digital', 'Björk Studios', 'Initech'];
const FIRST_NAMES = ['Jörg', 'Renée', 'Zoë', 'François', 'Åsa', 'José', 'Łukasz', 'Dana', 'Sam', 'Noémie', 'Søren', 'Inês', 'Ciarán', 'Mégane', 'Chloé'];
const LAST_NAMES = ['Müller', 'Dubois', 'Øster', 'García', 'Nowak', 'Reyes', 'Patel', 'Lefèvre', 'Brontë', 'Jäger', 'Núñez', 'Åberg', 'Ó Briain', 'Kovačić'];
const WORK = ['Postgres tuning', 'Snowflake migration', 'Data platform', 'Rails upgrade', 'Kafka pipeline', 'dbt models', 'Warehouse audit', 'Query performance review', 'Analytics rebuild', 'Replication setup'];
const NOTE_PARTS = [
  'Met at the Zürich meetup',
  'Referred by an old colleague from Société Générale',
  'Wants the migration done before Q2',
  'Budget approved by the CFO, décision finale next week',
  'Their DBA left; the replicas lag under load',
  'Asked for a fixed-price proposal',
  'Prefers a retainer after the first phase',
  'Time zone is tricky: the team is in São Paulo',
  'Follow up after the offsite in Malmö',
  'Needs GDPR sign-off before any data leaves the EU',
];
const ACTIVITY_BODIES = [
  'Call about scope; they want the café chain’s reporting first.',
  'Sent the rate card and two case studies.',
  'Email: the procurement team needs a W-8BEN and our VAT number.',
  'Meeting in Köln with the CTO, went well.',
  'Left a voicemail, will try again Thursday.',
  'They asked about availability in März.',
  'Discussed the Snowflake cost overrun and a réduction of scope.',
  'Note: prefers Slack over email.',
  'Intro call booked through Calendly.',
  'Shared the proposal draft for comments.',
];
const TAGS = ['postgres', 'snowflake', 'rails', 'fintech', 'retail', 'eu', 'us-remote', 'referral', 'urgent'];
const ACTIVITY_KINDS = ['note', 'call', 'email', 'meeting'] as const;
/** Rows per insert statement: well under SQLite's bound-value limit for the widest row. */
const ROWS_PER_INSERT = 400;

/** Inserts `rows` into `table` in multi-row statements inside one transaction. */
function insertRows(sqlite: Database.Database, table: string, columns: readonly string[], rows: unknown[][]): void {
  const statement = (count: number) => sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: count }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`);
  const full = statement(ROWS_PER_INSERT);
  sqlite.transaction(() => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const batch = rows.slice(i, i + ROWS_PER_INSERT);
      (batch.length === ROWS_PER_INSERT ? full : statement(batch.length)).run(batch.flat());
    }
  })();
}

/**
 * Adds LEADS_AT_1X × `scale` leads and activities to the book in `dataDir`, deterministically: the
 * leads spread over the two years before ENGAGEMENTS_TODAY and over every stage (lost ones with a
 * reason), some from recruiters, each with a contact, notes and tags; the activities spread over
 * the leads with the lead's last activity set to its latest. Throws if the book already has leads.
 */
export async function seedLeads(dataDir: string, options: LeadSeedOptions): Promise<{ leads: number; activities: number; seconds: number }> {
  const started = performance.now();
  const api = openApi(dataDir, () => ENGAGEMENTS_TODAY);
  const { sqlite } = api.holder.store();
  try {
    if ((sqlite.prepare('select count(*) from leads').pluck().get() as number) > 0) throw new Error(`${dataDir} already holds leads`);
    const rand = random(20_261_215 + options.scale);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
    const leadCount = LEADS_AT_1X.leads * options.scale;
    const activityCount = LEADS_AT_1X.activities * options.scale;
    const end = ENGAGEMENTS_TODAY.getTime();
    const span = 730 * 86_400_000;
    const instant = (ms: number) => new Date(ms).toISOString();

    const created: number[] = [];
    const leadRows: unknown[][] = [];
    for (let i = 0; i < leadCount; i++) {
      const organisation = pick(ORGANISATIONS);
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const source = pick(LEAD_SOURCES);
      const stage = pick(LEAD_STAGES);
      const at = end - Math.floor(rand() * span);
      created.push(at);
      const notes = `${pick(NOTE_PARTS)}. ${pick(NOTE_PARTS)}.`;
      const tags = JSON.stringify([...new Set([pick(TAGS), pick(TAGS)])]);
      const email = `${first.normalize('NFKD').replace(/[^a-z]/gi, '').toLowerCase()}@${organisation.normalize('NFKD').replace(/[^a-z]/gi, '').toLowerCase()}.example`;
      const estimate = rand() < 0.7 ? Math.round(5_000 + rand() * 60_000) * 100 : null;
      leadRows.push([
        `${pick(WORK)} for ${organisation}`,
        organisation,
        `${first} ${last}`,
        email,
        source,
        source === 'referral' ? `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}` : null,
        source === 'recruiter' ? 1 : 0,
        estimate,
        estimate === null ? null : pick(['GBP', 'EUR', 'USD']),
        pick(['Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'Europe/Zurich']),
        notes,
        stage,
        instant(at),
        stage === 'lost' ? pick(LOST_REASONS) : null,
        tags,
        instant(at),
        instant(at),
        instant(at),
      ]);
    }
    insertRows(sqlite, 'leads', ['title', 'organisation', 'contact_name', 'contact_email', 'source', 'source_detail', 'recruiter', 'estimate_minor', 'currency', 'timezone', 'notes', 'stage', 'stage_changed_at', 'lost_reason', 'tags', 'last_activity_at', 'created_at', 'updated_at'], leadRows);
    const firstId = (sqlite.prepare('select min(id) from leads').pluck().get() as number) - 1;

    const latest = new Map<number, number>();
    const activityRows: unknown[][] = [];
    for (let i = 0; i < activityCount; i++) {
      const lead = Math.floor(rand() * leadCount);
      const at = created[lead]! + Math.floor(rand() * (end - created[lead]!));
      latest.set(lead, Math.max(latest.get(lead) ?? 0, at));
      activityRows.push([firstId + lead + 1, pick(ACTIVITY_KINDS), instant(at), pick(ACTIVITY_BODIES), instant(at)]);
    }
    insertRows(sqlite, 'activities', ['lead_id', 'kind', 'occurred_at', 'body', 'created_at'], activityRows);
    const touch = sqlite.prepare('update leads set last_activity_at = ? where id = ?');
    sqlite.transaction(() => {
      for (const [lead, at] of latest) touch.run(instant(at), firstId + lead + 1);
    })();
    return { leads: leadCount, activities: activityCount, seconds: (performance.now() - started) / 1000 };
  } finally {
    await api.holder.settled();
    api.holder.close();
  }
}
