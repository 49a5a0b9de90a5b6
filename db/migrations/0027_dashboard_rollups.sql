CREATE TABLE `client_month_fees` (
	`client_id` integer NOT NULL,
	`month` text NOT NULL,
	`currency` text NOT NULL,
	`fees` integer NOT NULL,
	`home_fees` integer NOT NULL,
	`fees_too_large` integer NOT NULL,
	`home_fees_too_large` integer NOT NULL,
	PRIMARY KEY(`client_id`, `month`, `currency`),
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `client_month_fees_month_idx` ON `client_month_fees` (`month`,`client_id`,`currency`,`fees`,`home_fees`,`fees_too_large`,`home_fees_too_large`);--> statement-breakpoint
CREATE TABLE `client_payment_habits` (
	`client_id` integer PRIMARY KEY NOT NULL,
	`paid_count` integer NOT NULL,
	`days_to_pay` integer NOT NULL,
	`days_late` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `document_month_totals` (
	`month` text NOT NULL,
	`currency` text NOT NULL,
	`net` integer NOT NULL,
	`home_net` integer NOT NULL,
	`unvalued` integer NOT NULL,
	PRIMARY KEY(`month`, `currency`)
);
--> statement-breakpoint
CREATE TABLE `open_debt_by_due_date` (
	`due_date` text NOT NULL,
	`currency` text NOT NULL,
	`count` integer NOT NULL,
	`outstanding` integer NOT NULL,
	`valued` integer NOT NULL,
	`home_outstanding` integer NOT NULL,
	`too_large` integer NOT NULL,
	PRIMARY KEY(`due_date`, `currency`)
);
--> statement-breakpoint
ALTER TABLE `invoice_balances` ADD `due_date` text;--> statement-breakpoint
ALTER TABLE `invoice_balances` ADD `client_id` integer;--> statement-breakpoint
ALTER TABLE `invoice_balances` ADD `currency` text;--> statement-breakpoint
ALTER TABLE `invoice_balances` ADD `last_paid` text;--> statement-breakpoint
-- Issued rows never change, so what the dashboard groups by is copied beside each balance once.
UPDATE invoice_balances SET
  due_date = (SELECT i.due_date FROM invoices i WHERE i.id = invoice_balances.invoice_id),
  client_id = (SELECT i.client_id FROM invoices i WHERE i.id = invoice_balances.invoice_id),
  currency = (SELECT i.currency FROM invoices i WHERE i.id = invoice_balances.invoice_id),
  last_paid = (SELECT max(p.date) FROM payments p WHERE p.invoice_id = invoice_balances.invoice_id);
--> statement-breakpoint
CREATE INDEX `invoice_balances_open_due_idx` ON `invoice_balances` (`due_date`,`invoice_id`,`currency`,`client_id`,`payable`,`paid`,`credited`) WHERE state in ('unpaid', 'part-paid');
--> statement-breakpoint
-- Whole days: every date here is a plain ISO date, so each julianday difference is an exact integer.
INSERT INTO client_payment_habits (client_id, paid_count, days_to_pay, days_late)
SELECT client_id, count(*), sum(julianday(last_paid) - julianday(issue_date)), sum(julianday(last_paid) - julianday(due_date))
FROM invoice_balances WHERE state = 'paid' AND last_paid IS NOT NULL GROUP BY client_id;
--> statement-breakpoint
DROP TRIGGER invoice_balances_on_issue;
--> statement-breakpoint
CREATE TRIGGER invoice_balances_on_issue AFTER UPDATE OF status ON invoices WHEN OLD.status = 'draft' AND NEW.status = 'issued'
BEGIN
  INSERT INTO invoice_balances (invoice_id, issue_date, payable, paid, credited, state, due_date, client_id, currency, last_paid)
  VALUES (NEW.id, NEW.issue_date, NEW.payable, 0, 0, CASE WHEN NEW.kind = 'credit-note' THEN 'note' WHEN NEW.payable <= 0 THEN 'paid' ELSE 'unpaid' END,
    NEW.due_date, NEW.client_id, NEW.currency, (SELECT max(p.date) FROM payments p WHERE p.invoice_id = NEW.id));
  UPDATE invoice_balances SET credited = credited + NEW.payable WHERE NEW.kind = 'credit-note' AND invoice_id = NEW.credit_for_id;
END;
--> statement-breakpoint
CREATE TRIGGER invoice_balances_last_paid_on_payment AFTER INSERT ON payments
BEGIN UPDATE invoice_balances SET last_paid = NEW.date WHERE invoice_id = NEW.invoice_id AND (last_paid IS NULL OR last_paid < NEW.date); END;
--> statement-breakpoint
CREATE TRIGGER invoice_balances_last_paid_on_payment_delete AFTER DELETE ON payments
BEGIN UPDATE invoice_balances SET last_paid = (SELECT max(p.date) FROM payments p WHERE p.invoice_id = OLD.invoice_id) WHERE invoice_id = OLD.invoice_id; END;
--> statement-breakpoint
CREATE TRIGGER invoice_balances_last_paid_on_payment_update AFTER UPDATE OF date, invoice_id ON payments
BEGIN
  UPDATE invoice_balances SET last_paid = (SELECT max(p.date) FROM payments p WHERE p.invoice_id = OLD.invoice_id) WHERE invoice_id = OLD.invoice_id;
  UPDATE invoice_balances SET last_paid = (SELECT max(p.date) FROM payments p WHERE p.invoice_id = NEW.invoice_id) WHERE invoice_id = NEW.invoice_id;
END;
--> statement-breakpoint
-- A paid invoice counts in its client's habit from its last payment; any change of state or last payment takes the old figures out and puts the new in.
CREATE TRIGGER client_payment_habits_on_balance AFTER UPDATE OF state, last_paid ON invoice_balances
WHEN (OLD.state = 'paid' AND OLD.last_paid IS NOT NULL) OR (NEW.state = 'paid' AND NEW.last_paid IS NOT NULL)
BEGIN
  UPDATE client_payment_habits SET paid_count = paid_count - 1,
    days_to_pay = days_to_pay - (julianday(OLD.last_paid) - julianday(OLD.issue_date)),
    days_late = days_late - (julianday(OLD.last_paid) - julianday(OLD.due_date))
  WHERE client_id = OLD.client_id AND OLD.state = 'paid' AND OLD.last_paid IS NOT NULL;
  INSERT INTO client_payment_habits (client_id, paid_count, days_to_pay, days_late)
  SELECT NEW.client_id, 1, julianday(NEW.last_paid) - julianday(NEW.issue_date), julianday(NEW.last_paid) - julianday(NEW.due_date)
  WHERE NEW.state = 'paid' AND NEW.last_paid IS NOT NULL
  ON CONFLICT (client_id) DO UPDATE SET paid_count = paid_count + 1, days_to_pay = days_to_pay + excluded.days_to_pay, days_late = days_late + excluded.days_late;
END;
--> statement-breakpoint
CREATE TRIGGER client_payment_habits_on_issue AFTER INSERT ON invoice_balances WHEN NEW.state = 'paid' AND NEW.last_paid IS NOT NULL
BEGIN
  INSERT INTO client_payment_habits (client_id, paid_count, days_to_pay, days_late)
  VALUES (NEW.client_id, 1, julianday(NEW.last_paid) - julianday(NEW.issue_date), julianday(NEW.last_paid) - julianday(NEW.due_date))
  ON CONFLICT (client_id) DO UPDATE SET paid_count = paid_count + 1, days_to_pay = days_to_pay + excluded.days_to_pay, days_late = days_late + excluded.days_late;
END;
--> statement-breakpoint
-- One issued document's figures for the rollups below: its net less the rebilled lines' share of it, half-up (halves away
-- from zero), as electron/main/reports/fees.ts splits it with shared divRound, taken from the own-currency net and from
-- the home value. In SQL so triggers keep the rollups; exact because below 3037000499 (the square root of 2^63) both factors'
-- product fits a 64-bit integer. Larger figures are only flagged, and the dashboard then splits documents in JS.
CREATE VIEW document_fee_figures AS
SELECT invoice_id, month, client_id, currency, net, home_value,
  CASE WHEN abs(net) > 3037000499 OR abs(r) > 3037000499 THEN 0 ELSE net - CASE WHEN r = 0 OR a = 0 THEN 0 ELSE (CASE WHEN (net < 0) <> (r < 0) <> (a < 0) THEN -1 ELSE 1 END) * (abs(net) * abs(r) / abs(a) + (abs(net) * abs(r) % abs(a) * 2 >= abs(a))) END END AS fees,
  abs(net) > 3037000499 OR abs(r) > 3037000499 AS fees_too_large,
  CASE WHEN home_value IS NULL THEN NULL ELSE CASE WHEN abs(home_value) > 3037000499 OR abs(r) > 3037000499 THEN 0 ELSE home_value - CASE WHEN r = 0 OR a = 0 THEN 0 ELSE (CASE WHEN (home_value < 0) <> (r < 0) <> (a < 0) THEN -1 ELSE 1 END) * (abs(home_value) * abs(r) / abs(a) + (abs(home_value) * abs(r) % abs(a) * 2 >= abs(a))) END END END AS home_fees,
  CASE WHEN home_value IS NULL THEN 0 ELSE abs(home_value) > 3037000499 OR abs(r) > 3037000499 END AS home_fees_too_large
FROM (
  SELECT t.invoice_id, substr(i.issue_date, 1, 7) AS month, i.client_id, i.currency, i.net, coalesce(i.home_net, h.home_net) AS home_value,
    t.rebilled_lines AS r, t.all_lines AS a
  FROM document_line_totals t JOIN invoices i ON i.id = t.invoice_id LEFT JOIN document_home_values h ON h.invoice_id = t.invoice_id
);
--> statement-breakpoint
INSERT INTO document_month_totals (month, currency, net, home_net, unvalued)
SELECT month, currency, sum(net), coalesce(sum(home_value), 0), sum(home_value IS NULL) FROM document_fee_figures GROUP BY month, currency;
--> statement-breakpoint
INSERT INTO client_month_fees (client_id, month, currency, fees, home_fees, fees_too_large, home_fees_too_large)
SELECT client_id, month, currency, sum(fees), coalesce(sum(home_fees), 0), sum(fees_too_large), sum(home_fees_too_large) FROM document_fee_figures GROUP BY client_id, month, currency;
--> statement-breakpoint
-- Every issued document gets its line totals once, at issue (migration 0022): that is when it joins the rollups.
CREATE TRIGGER document_rollups_on_issue AFTER INSERT ON document_line_totals
BEGIN
  INSERT INTO document_month_totals (month, currency, net, home_net, unvalued)
  SELECT month, currency, net, coalesce(home_value, 0), home_value IS NULL FROM document_fee_figures WHERE invoice_id = NEW.invoice_id
  ON CONFLICT (month, currency) DO UPDATE SET net = net + excluded.net, home_net = home_net + excluded.home_net, unvalued = unvalued + excluded.unvalued;
  INSERT INTO client_month_fees (client_id, month, currency, fees, home_fees, fees_too_large, home_fees_too_large)
  SELECT client_id, month, currency, fees, coalesce(home_fees, 0), fees_too_large, home_fees_too_large FROM document_fee_figures WHERE invoice_id = NEW.invoice_id
  ON CONFLICT (client_id, month, currency) DO UPDATE SET fees = fees + excluded.fees, home_fees = home_fees + excluded.home_fees,
    fees_too_large = fees_too_large + excluded.fees_too_large, home_fees_too_large = home_fees_too_large + excluded.home_fees_too_large;
END;
--> statement-breakpoint
-- A home value recorded later (once per document, never changed) values a document that had none; one stored on the invoice wins.
CREATE TRIGGER document_rollups_on_home_value AFTER INSERT ON document_home_values
WHEN (SELECT home_net FROM invoices WHERE id = NEW.invoice_id) IS NULL
BEGIN
  UPDATE document_month_totals SET home_net = home_net + NEW.home_net, unvalued = unvalued - 1
  WHERE (month, currency) = (SELECT month, currency FROM document_fee_figures WHERE invoice_id = NEW.invoice_id);
  UPDATE client_month_fees SET
    home_fees = home_fees + (SELECT home_fees FROM document_fee_figures WHERE invoice_id = NEW.invoice_id),
    home_fees_too_large = home_fees_too_large + (SELECT home_fees_too_large FROM document_fee_figures WHERE invoice_id = NEW.invoice_id)
  WHERE (client_id, month, currency) = (SELECT client_id, month, currency FROM document_fee_figures WHERE invoice_id = NEW.invoice_id);
END;
--> statement-breakpoint
-- Each open invoice's share of its home gross for what it still owes, half-up (halves away from zero) as the dashboard
-- values it with shared divRound; exact below 3037000499 per factor, larger ones only flagged (the dashboard then values
-- foreign invoices itself). Null home gross or a zero gross: no share, as the dashboard leaves such an invoice unvalued.
-- What is owed: credit notes are held in `credited` below zero (migration 0010), so they take it down, as payments do.
CREATE VIEW open_invoice_figures AS
SELECT invoice_id, due_date, currency, outstanding,
  home_gross IS NOT NULL AND gross <> 0 AS valued,
  CASE WHEN home_gross IS NULL OR gross = 0 OR abs(outstanding) > 3037000499 OR abs(home_gross) > 3037000499 THEN 0 ELSE (CASE WHEN (outstanding < 0) <> (home_gross < 0) <> (gross < 0) THEN -1 ELSE 1 END) * (abs(outstanding) * abs(home_gross) / abs(gross) + (abs(outstanding) * abs(home_gross) % abs(gross) * 2 >= abs(gross))) END AS home_share,
  home_gross IS NOT NULL AND gross <> 0 AND (abs(outstanding) > 3037000499 OR abs(home_gross) > 3037000499) AS too_large
FROM (
  SELECT b.invoice_id, b.due_date, b.currency, b.payable + b.credited - b.paid AS outstanding, i.gross, coalesce(i.home_gross, h.home_gross) AS home_gross
  FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id LEFT JOIN document_home_values h ON h.invoice_id = b.invoice_id
  WHERE b.state IN ('unpaid', 'part-paid')
);
--> statement-breakpoint
INSERT INTO open_debt_by_due_date (due_date, currency, count, outstanding, valued, home_outstanding, too_large)
SELECT due_date, currency, count(*), sum(outstanding), sum(valued AND NOT too_large), sum(home_share), sum(too_large) FROM open_invoice_figures GROUP BY due_date, currency;
--> statement-breakpoint
-- Any change to an open invoice's balance recomputes its day and currency from the few invoices due then: no running
-- sums to drift, whatever order the balance triggers of migration 0010 run in.
CREATE TRIGGER open_debt_on_issue AFTER INSERT ON invoice_balances
BEGIN
  DELETE FROM open_debt_by_due_date WHERE due_date = NEW.due_date AND currency = NEW.currency;
  INSERT INTO open_debt_by_due_date (due_date, currency, count, outstanding, valued, home_outstanding, too_large)
  SELECT due_date, currency, count(*), sum(outstanding), sum(valued AND NOT too_large), sum(home_share), sum(too_large)
  FROM open_invoice_figures WHERE due_date = NEW.due_date AND currency = NEW.currency GROUP BY due_date, currency;
END;
--> statement-breakpoint
CREATE TRIGGER open_debt_on_balance AFTER UPDATE OF paid, credited, state ON invoice_balances
BEGIN
  DELETE FROM open_debt_by_due_date WHERE due_date = NEW.due_date AND currency = NEW.currency;
  INSERT INTO open_debt_by_due_date (due_date, currency, count, outstanding, valued, home_outstanding, too_large)
  SELECT due_date, currency, count(*), sum(outstanding), sum(valued AND NOT too_large), sum(home_share), sum(too_large)
  FROM open_invoice_figures WHERE due_date = NEW.due_date AND currency = NEW.currency GROUP BY due_date, currency;
END;
--> statement-breakpoint
CREATE TRIGGER open_debt_on_home_value AFTER INSERT ON document_home_values
BEGIN
  DELETE FROM open_debt_by_due_date WHERE (due_date, currency) = (SELECT due_date, currency FROM invoice_balances WHERE invoice_id = NEW.invoice_id);
  INSERT INTO open_debt_by_due_date (due_date, currency, count, outstanding, valued, home_outstanding, too_large)
  SELECT due_date, currency, count(*), sum(outstanding), sum(valued AND NOT too_large), sum(home_share), sum(too_large)
  FROM open_invoice_figures WHERE (due_date, currency) = (SELECT due_date, currency FROM invoice_balances WHERE invoice_id = NEW.invoice_id) GROUP BY due_date, currency;
END;
