CREATE TABLE `client_payment_habits` (
	`client_id` integer PRIMARY KEY NOT NULL,
	`paid_count` integer NOT NULL,
	`days_to_pay` integer NOT NULL,
	`days_late` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
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
