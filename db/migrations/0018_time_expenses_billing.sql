CREATE TABLE `expenses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`expense_date` text NOT NULL,
	`category` text NOT NULL,
	`supplier` text NOT NULL,
	`description` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`vat_minor` integer DEFAULT 0 NOT NULL,
	`vat_reclaimable` integer DEFAULT false NOT NULL,
	`contract_id` integer,
	`rebillable` integer DEFAULT false NOT NULL,
	`rebill_kind` text DEFAULT 'recharge' NOT NULL,
	`fx_rate` text,
	`fx_date` text,
	`receipt_sha256` text,
	`receipt_file_name` text,
	`receipt_type` text,
	`receipt_byte_size` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "expenses_amount" CHECK(typeof("expenses"."amount_minor") = 'integer' and "expenses"."amount_minor" > 0),
	CONSTRAINT "expenses_vat" CHECK(typeof("expenses"."vat_minor") = 'integer' and "expenses"."vat_minor" >= 0 and "expenses"."vat_minor" <= "expenses"."amount_minor"),
	CONSTRAINT "expenses_rebill_contract" CHECK("expenses"."rebillable" = 0 or "expenses"."contract_id" is not null),
	CONSTRAINT "expenses_receipt_complete" CHECK(("expenses"."receipt_sha256" is null) = ("expenses"."receipt_type" is null))
);
--> statement-breakpoint
CREATE INDEX `expenses_date_idx` ON `expenses` (`expense_date`);--> statement-breakpoint
CREATE INDEX `expenses_contract_date_idx` ON `expenses` (`contract_id`,`expense_date`);--> statement-breakpoint
CREATE TABLE `invoice_line_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_line_id` integer NOT NULL,
	`time_entry_id` integer,
	`expense_id` integer,
	FOREIGN KEY (`invoice_line_id`) REFERENCES `invoice_lines`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`time_entry_id`) REFERENCES `time_entries`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`expense_id`) REFERENCES `expenses`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "invoice_line_sources_one" CHECK(("invoice_line_sources"."time_entry_id" is null) <> ("invoice_line_sources"."expense_id" is null))
);
--> statement-breakpoint
CREATE INDEX `invoice_line_sources_line_idx` ON `invoice_line_sources` (`invoice_line_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_line_sources_time_entry_unique` ON `invoice_line_sources` (`time_entry_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_line_sources_expense_unique` ON `invoice_line_sources` (`expense_id`);--> statement-breakpoint
CREATE TABLE `time_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`started_at` text,
	`ended_at` text,
	`duration_seconds` integer,
	`work_date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`billable` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "time_entries_shape" CHECK(("time_entries"."duration_seconds" is null and "time_entries"."started_at" is not null and "time_entries"."ended_at" is null) or (typeof("time_entries"."duration_seconds") = 'integer' and "time_entries"."duration_seconds" >= 0 and ("time_entries"."started_at" is null) = ("time_entries"."ended_at" is null)))
);
--> statement-breakpoint
CREATE INDEX `time_entries_date_idx` ON `time_entries` (`work_date`);--> statement-breakpoint
CREATE INDEX `time_entries_contract_date_idx` ON `time_entries` (`contract_id`,`work_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `time_entries_one_running` ON `time_entries` ((duration_seconds is null)) WHERE duration_seconds is null;--> statement-breakpoint
ALTER TABLE `app_settings` ADD `time` text;--> statement-breakpoint
ALTER TABLE `contracts` ADD `timesheet_appendix` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `billing_period_start` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `timesheet_appendix` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_contract_period_unique` ON `invoices` (`contract_id`,`billing_period_start`) WHERE billing_period_start is not null;--> statement-breakpoint
-- Work on an issued invoice is part of a legal record: it can't change or go away.
CREATE TRIGGER time_entries_invoiced_no_update BEFORE UPDATE ON time_entries
WHEN EXISTS (SELECT 1 FROM invoice_line_sources s JOIN invoice_lines l ON l.id = s.invoice_line_id JOIN invoices i ON i.id = l.invoice_id WHERE s.time_entry_id = OLD.id AND i.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'This time entry is on an issued invoice and can''t be changed.'); END;
--> statement-breakpoint
CREATE TRIGGER time_entries_invoiced_no_delete BEFORE DELETE ON time_entries
WHEN EXISTS (SELECT 1 FROM invoice_line_sources s JOIN invoice_lines l ON l.id = s.invoice_line_id JOIN invoices i ON i.id = l.invoice_id WHERE s.time_entry_id = OLD.id AND i.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'This time entry is on an issued invoice and can''t be deleted.'); END;
--> statement-breakpoint
CREATE TRIGGER expenses_invoiced_no_update BEFORE UPDATE ON expenses
WHEN EXISTS (SELECT 1 FROM invoice_line_sources s JOIN invoice_lines l ON l.id = s.invoice_line_id JOIN invoices i ON i.id = l.invoice_id WHERE s.expense_id = OLD.id AND i.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'This expense is on an issued invoice and can''t be changed.'); END;
--> statement-breakpoint
CREATE TRIGGER expenses_invoiced_no_delete BEFORE DELETE ON expenses
WHEN EXISTS (SELECT 1 FROM invoice_line_sources s JOIN invoice_lines l ON l.id = s.invoice_line_id JOIN invoices i ON i.id = l.invoice_id WHERE s.expense_id = OLD.id AND i.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'This expense is on an issued invoice and can''t be deleted.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_line_sources_issued_no_insert BEFORE INSERT ON invoice_line_sources
WHEN EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE l.id = NEW.invoice_line_id AND i.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'An issued invoice''s lines can''t take new sources.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_line_sources_issued_no_update BEFORE UPDATE ON invoice_line_sources
BEGIN SELECT RAISE(ABORT, 'An invoice line''s sources can''t be changed; delete the draft line instead.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_line_sources_issued_no_delete BEFORE DELETE ON invoice_line_sources
WHEN EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE l.id = OLD.invoice_line_id AND i.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'An issued invoice''s sources can''t be removed.'); END;
