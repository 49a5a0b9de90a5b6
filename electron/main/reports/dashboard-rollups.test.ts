import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRound } from '../../../shared/money/rounding';
import { feesAndRebilled } from './fees';
import { sampleProfile, testApi, ukClient } from '../../../test/temp-store';
import { paymentHabits } from '../../../db/dashboard';

/** Below this each factor of the SQL fee split is exact (migration 0027): the square root of 2^63. */
const EXACT_LIMIT = 3_037_000_499;
const stamp = '2026-11-22T10:00:00Z';

/** A book with a profile in sterling and two clients, with raw SQL access to write documents and payments as any code path would. */
async function book() {
  const api = testApi();
  await api.call('profile.save', sampleProfile);
  const clients = [(await api.call('clients.create', ukClient)).id, (await api.call('clients.create', { ...ukClient, name: 'Second Ltd' })).id];
  return { api, sqlite: api.holder.store().sqlite, clients };
}

const dateOf = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10); // from 1 Jan 2026, across month ends
// Large ones well past the exact limit, yet small enough that the test's own sums over every run stay exact in JS.
const amount = fc.oneof(fc.integer({ min: -5_000, max: 5_000 }), fc.integer({ min: -(2 ** 41), max: 2 ** 41 }), fc.constantFrom(EXACT_LIMIT, -EXACT_LIMIT, EXACT_LIMIT + 1, 0));
const documentOp = fc.record({
  kind: fc.constant('issue' as const),
  client: fc.nat(1),
  creditNote: fc.boolean(),
  foreign: fc.boolean(),
  day: fc.integer({ min: 1, max: 90 }),
  terms: fc.integer({ min: 0, max: 45 }),
  net: amount,
  homeNet: fc.option(amount),
  rebilled: amount,
  fee: amount,
});
const op = fc.oneof(
  documentOp,
  fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 150 }), amount: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), invoice: fc.nat(), day: fc.integer({ min: 1, max: 150 }), amount: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({ kind: fc.constant('unpay' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('value' as const), pick: fc.nat(), homeNet: amount }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

describe('dashboard rollups kept by triggers (migration 0027)', () => {
  it('keep balances’ due date, client, currency and last payment, payment habits, monthly nets and fees, and open debt per due date equal to recomputing them from the documents and payments', async () => {
    const { api, sqlite, clients } = await book();
    const ids = (q: string) => (sqlite.prepare(q).all() as { id: number }[]).map((r) => r.id);
    const pick = <T>(list: T[], n: number) => list[n % list.length]!;
    let numbered = 0;
    const run = (o: Op) => {
      if (o.kind === 'issue') {
        const invoices = ids("select id from invoices where kind = 'invoice' and status = 'issued'");
        const creditFor = o.creditNote && invoices.length > 0 ? pick(invoices, o.day) : null;
        const currency = o.foreign ? 'EUR' : 'GBP';
        const homeNet = o.foreign ? o.homeNet : null;
        const payable = creditFor === null ? Math.abs(o.net) % 50_000 : -(Math.abs(o.net) % 5_000);
        const { lastInsertRowid } = sqlite
          .prepare(
            "insert into invoices (kind, status, client_id, currency, issue_date, due_date, payment_terms_days, net, vat, gross, payable, home_net, home_gross, credit_for_id, created_at, updated_at) values (?, 'draft', ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
          )
          .run(creditFor === null ? 'invoice' : 'credit-note', clients[o.client], currency, dateOf(o.day), dateOf(o.day + o.terms), o.terms, o.net, payable, payable, homeNet, homeNet, creditFor, stamp, stamp);
        // The rebilled line has the fee's sign, as on a real invoice or credit note: lines that nearly cancel would
        // make the rebilled share of the net many times the net, and the sums over every run overflow 64 bits.
        const lines = [
          { kind: 'fee', amount: o.fee },
          { kind: 'expense', amount: (Math.sign(o.fee) || 1) * Math.abs(o.rebilled) },
        ];
        sqlite.prepare("update invoices set status = 'issued', number = ?, snapshot = ?, issued_at = ? where id = ?").run(`T-${++numbered}`, JSON.stringify({ calculation: { lines } }), stamp, lastInsertRowid);
        return;
      }
      if (o.kind === 'value') {
        const unvalued = ids("select i.id from invoices i left join document_home_values h on h.invoice_id = i.id where i.status = 'issued' and i.currency <> 'GBP' and h.id is null");
        if (unvalued.length === 0) return;
        sqlite
          .prepare("insert into document_home_values (invoice_id, rate, source, date, home_currency, home_net, home_vat, home_gross, added_at) values (?, '1.17', 'manual', '2026-03-01', 'GBP', ?, 0, ?, ?)")
          .run(pick(unvalued, o.pick), o.homeNet, o.homeNet, stamp);
        return;
      }
      const invoices = ids("select id from invoices where kind = 'invoice' and status = 'issued'");
      const payments = ids('select id from payments order by id');
      if (o.kind === 'pay' && invoices.length > 0) {
        sqlite.prepare("insert into payments (invoice_id, date, amount, method, created_at) values (?, ?, ?, 'bank', ?)").run(pick(invoices, o.pick), dateOf(o.day), o.amount, stamp);
      } else if (o.kind === 'edit' && payments.length > 0) {
        sqlite.prepare('update payments set invoice_id = ?, date = ?, amount = ? where id = ?').run(pick(invoices, o.invoice), dateOf(o.day), o.amount, pick(payments, o.pick));
      } else if (o.kind === 'unpay' && payments.length > 0) {
        sqlite.prepare('delete from payments where id = ?').run(pick(payments, o.pick));
      }
    };

    const stored = () => ({
      balances: sqlite.prepare('select invoice_id, due_date, client_id, currency, last_paid from invoice_balances order by 1').all(),
      habits: sqlite.prepare('select client_id, paid_count, days_to_pay, days_late from client_payment_habits where paid_count <> 0 order by 1').all(),
      months: sqlite.prepare('select month, currency, net, home_net, unvalued from document_month_totals order by 1, 2').all(),
      fees: sqlite.prepare('select client_id, month, currency, fees, home_fees, fees_too_large, home_fees_too_large from client_month_fees order by 1, 2, 3').all(),
      openDebt: sqlite.prepare('select due_date, currency, count, outstanding, valued, home_outstanding, too_large from open_debt_by_due_date order by 1, 2').all(),
    });
    const recomputed = () => {
      type Doc = { client_id: number; month: string; currency: string; net: number; homeNet: number | null; rebilledLines: number; allLines: number };
      const docs = sqlite
        .prepare(
          "select i.client_id, substr(i.issue_date, 1, 7) as month, i.currency, i.net, coalesce(i.home_net, h.home_net) as homeNet, t.rebilled_lines as rebilledLines, t.all_lines as allLines from invoices i join document_line_totals t on t.invoice_id = i.id left join document_home_values h on h.invoice_id = i.id where i.status = 'issued'",
        )
        .all() as Doc[];
      const months = new Map<string, { month: string; currency: string; net: number; home_net: number; unvalued: number }>();
      const fees = new Map<string, { client_id: number; month: string; currency: string; fees: number; home_fees: number; fees_too_large: number; home_fees_too_large: number }>();
      // The split each document gets in JS (shared divRound), from its own net and from its home value; too large ones are only counted.
      const split = (doc: Doc, value: number | null) => {
        if (value === null) return { fees: 0, tooLarge: 0 };
        if (Math.abs(value) > EXACT_LIMIT || Math.abs(doc.rebilledLines) > EXACT_LIMIT) return { fees: 0, tooLarge: 1 };
        return { fees: feesAndRebilled({ ...doc, currency: 'GBP', net: value }, 'GBP')!.fees, tooLarge: 0 };
      };
      for (const doc of docs) {
        const m = months.get(`${doc.month} ${doc.currency}`) ?? { month: doc.month, currency: doc.currency, net: 0, home_net: 0, unvalued: 0 };
        months.set(`${doc.month} ${doc.currency}`, { ...m, net: m.net + doc.net, home_net: m.home_net + (doc.homeNet ?? 0), unvalued: m.unvalued + (doc.homeNet === null ? 1 : 0) });
        const key = `${doc.client_id} ${doc.month} ${doc.currency}`;
        const f = fees.get(key) ?? { client_id: doc.client_id, month: doc.month, currency: doc.currency, fees: 0, home_fees: 0, fees_too_large: 0, home_fees_too_large: 0 };
        const own = split(doc, doc.net);
        const home = split(doc, doc.homeNet);
        fees.set(key, { ...f, fees: f.fees + own.fees, home_fees: f.home_fees + home.fees, fees_too_large: f.fees_too_large + own.tooLarge, home_fees_too_large: f.home_fees_too_large + home.tooLarge });
      }
      const byKey = <T>(map: Map<string, T>, order: (t: T) => (string | number)[]) =>
        [...map.values()].sort((a, b) => {
          const [x, y] = [order(a), order(b)];
          return x.map((v, i) => (v < y[i]! ? -1 : v > y[i]! ? 1 : 0)).find((c) => c !== 0) ?? 0;
        });
      // Each open invoice's share of its home gross as the dashboard values it (shared divRound); too large ones are only counted.
      type Open = { due_date: string; currency: string; outstanding: number; gross: number; homeGross: number | null };
      const open = sqlite
        .prepare(
          "select b.due_date, b.currency, b.payable + b.credited - b.paid as outstanding, i.gross, coalesce(i.home_gross, h.home_gross) as homeGross from invoice_balances b join invoices i on i.id = b.invoice_id left join document_home_values h on h.invoice_id = i.id where b.state in ('unpaid', 'part-paid')",
        )
        .all() as Open[];
      const openDebt = new Map<string, { due_date: string; currency: string; count: number; outstanding: number; valued: number; home_outstanding: number; too_large: number }>();
      for (const inv of open) {
        const key = `${inv.due_date} ${inv.currency}`;
        const d = openDebt.get(key) ?? { due_date: inv.due_date, currency: inv.currency, count: 0, outstanding: 0, valued: 0, home_outstanding: 0, too_large: 0 };
        const valued = inv.homeGross !== null && inv.gross !== 0;
        const tooLarge = valued && (Math.abs(inv.outstanding) > EXACT_LIMIT || Math.abs(inv.homeGross!) > EXACT_LIMIT);
        const share = valued && !tooLarge ? Number(divRound(BigInt(inv.outstanding) * BigInt(inv.homeGross!), BigInt(inv.gross), 'half-up')) : 0;
        openDebt.set(key, { ...d, count: d.count + 1, outstanding: d.outstanding + inv.outstanding, valued: d.valued + (valued && !tooLarge ? 1 : 0), home_outstanding: d.home_outstanding + share, too_large: d.too_large + (tooLarge ? 1 : 0) });
      }
      return {
        balances: sqlite.prepare('select b.invoice_id, i.due_date, i.client_id, i.currency, (select max(p.date) from payments p where p.invoice_id = i.id) as last_paid from invoice_balances b join invoices i on i.id = b.invoice_id order by 1').all(),
        habits: sqlite
          .prepare(
            "select i.client_id, count(*) as paid_count, sum(julianday(pp.lastPaid) - julianday(i.issue_date)) as days_to_pay, sum(julianday(pp.lastPaid) - julianday(i.due_date)) as days_late from invoice_balances b join invoices i on i.id = b.invoice_id join (select invoice_id, max(date) as lastPaid from payments group by invoice_id) pp on pp.invoice_id = i.id where b.state = 'paid' and i.kind = 'invoice' group by i.client_id order by 1",
          )
          .all(),
        months: byKey(months, (m) => [m.month, m.currency]),
        fees: byKey(fees, (f) => [f.client_id, f.month, f.currency]),
        openDebt: byKey(openDebt, (d) => [d.due_date, d.currency]),
      };
    };
    // The habits as the dashboard read them before the rollup: an average over each client's paid invoices.
    const averaged = () =>
      sqlite
        .prepare(
          "select i.client_id as clientId, c.name as clientName, count(*) as paidCount, avg(julianday(pp.lastPaid) - julianday(i.issue_date)) as avgDaysToPay, avg(julianday(pp.lastPaid) - julianday(i.due_date)) as avgDaysLate from invoice_balances b join invoices i on i.id = b.invoice_id join clients c on c.id = i.client_id join (select invoice_id, max(date) as lastPaid from payments group by invoice_id) pp on pp.invoice_id = i.id where b.state = 'paid' and i.kind = 'invoice' group by i.client_id order by c.name",
        )
        .all();

    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        sqlite.exec('delete from payments');
        for (const o of ops) run(o);
        expect(stored()).toEqual(recomputed());
        expect(paymentHabits(api.holder.store().db)).toEqual(averaged());
      }),
      { numRuns: 60 },
    );
  });
});
