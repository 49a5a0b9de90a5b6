CREATE TABLE `invoice_balances` (
	`invoice_id` integer PRIMARY KEY NOT NULL,
	`issue_date` text NOT NULL,
	`payable` integer NOT NULL,
	`paid` integer DEFAULT 0 NOT NULL,
	`credited` integer DEFAULT 0 NOT NULL,
	`state` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `invoice_balances_state_idx` ON `invoice_balances` (`state`,`issue_date`);--> statement-breakpoint
DROP INDEX `invoices_client_idx`;--> statement-breakpoint
CREATE INDEX `invoices_client_date_idx` ON `invoices` (`client_id`,`issue_date`);--> statement-breakpoint
CREATE INDEX `invoices_status_date_idx` ON `invoices` (`status`,`issue_date`);--> statement-breakpoint
ALTER TABLE `clients` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `clients` ADD `name_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `clients_name_key_idx` ON `clients` (`name_key`);--> statement-breakpoint
CREATE INDEX `clients_country_idx` ON `clients` (`country`);--> statement-breakpoint
CREATE INDEX `clients_created_idx` ON `clients` (`created_at`);--> statement-breakpoint
CREATE INDEX `clients_updated_idx` ON `clients` (`updated_at`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Balances of issued documents, kept by the data file itself so no code path can forget them.
INSERT INTO invoice_balances (invoice_id, issue_date, payable, paid, credited, state)
SELECT i.id, i.issue_date, i.payable,
  CASE WHEN i.kind = 'invoice' THEN coalesce((SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = i.id), 0) ELSE 0 END,
  CASE WHEN i.kind = 'invoice' THEN coalesce((SELECT sum(cn.payable) FROM invoices cn WHERE cn.credit_for_id = i.id AND cn.status = 'issued'), 0) ELSE 0 END,
  'unpaid'
FROM invoices i WHERE i.status = 'issued';
--> statement-breakpoint
UPDATE invoice_balances SET state = CASE
  WHEN (SELECT kind FROM invoices WHERE id = invoice_id) = 'credit-note' THEN 'note'
  WHEN credited <> 0 AND payable + credited <= 0 THEN 'credited'
  WHEN payable + credited - paid <= 0 THEN 'paid'
  WHEN paid > 0 THEN 'part-paid'
  ELSE 'unpaid' END;
--> statement-breakpoint
CREATE TRIGGER invoice_balances_on_issue AFTER UPDATE OF status ON invoices WHEN OLD.status = 'draft' AND NEW.status = 'issued'
BEGIN
  INSERT INTO invoice_balances (invoice_id, issue_date, payable, paid, credited, state)
  VALUES (NEW.id, NEW.issue_date, NEW.payable, 0, 0, CASE WHEN NEW.kind = 'credit-note' THEN 'note' WHEN NEW.payable <= 0 THEN 'paid' ELSE 'unpaid' END);
  UPDATE invoice_balances SET credited = credited + NEW.payable WHERE NEW.kind = 'credit-note' AND invoice_id = NEW.credit_for_id;
END;
--> statement-breakpoint
CREATE TRIGGER invoice_balances_on_payment AFTER INSERT ON payments
BEGIN UPDATE invoice_balances SET paid = paid + NEW.amount WHERE invoice_id = NEW.invoice_id; END;
--> statement-breakpoint
CREATE TRIGGER invoice_balances_on_payment_delete AFTER DELETE ON payments
BEGIN UPDATE invoice_balances SET paid = paid - OLD.amount WHERE invoice_id = OLD.invoice_id; END;
--> statement-breakpoint
CREATE TRIGGER invoice_balances_on_payment_update AFTER UPDATE OF amount, invoice_id ON payments
BEGIN
  UPDATE invoice_balances SET paid = paid - OLD.amount WHERE invoice_id = OLD.invoice_id;
  UPDATE invoice_balances SET paid = paid + NEW.amount WHERE invoice_id = NEW.invoice_id;
END;
--> statement-breakpoint
-- The state follows the sums; setting only the state does not fire this again.
CREATE TRIGGER invoice_balances_state AFTER UPDATE OF paid, credited ON invoice_balances WHEN NEW.state <> 'note'
BEGIN
  UPDATE invoice_balances SET state = CASE
    WHEN NEW.credited <> 0 AND NEW.payable + NEW.credited <= 0 THEN 'credited'
    WHEN NEW.payable + NEW.credited - NEW.paid <= 0 THEN 'paid'
    WHEN NEW.paid > 0 THEN 'part-paid'
    ELSE 'unpaid' END
  WHERE invoice_id = NEW.invoice_id;
END;
--> statement-breakpoint
CREATE TRIGGER invoice_balances_no_delete BEFORE DELETE ON invoice_balances
BEGIN SELECT RAISE(ABORT, 'The balance of an issued document can''t be deleted.'); END;
