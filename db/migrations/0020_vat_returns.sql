CREATE TABLE `payment_reversals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` integer NOT NULL,
	`invoice_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount` integer NOT NULL,
	`home_amount` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "payment_reversals_amount_integer" CHECK(typeof("amount") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_reversals_payment_unique` ON `payment_reversals` (`payment_id`);--> statement-breakpoint
CREATE TABLE `vat_return_counts` (
	`source_key` text PRIMARY KEY NOT NULL,
	`return_id` integer NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `vat_returns`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `vat_return_counts_return_idx` ON `vat_return_counts` (`return_id`);--> statement-breakpoint
CREATE TABLE `vat_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`period_key` text NOT NULL,
	`scheme` text NOT NULL,
	`result` text NOT NULL,
	`finalised_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vat_returns_period_unique` ON `vat_returns` (`period_start`);--> statement-breakpoint
ALTER TABLE `app_settings` ADD `vat_return` text;--> statement-breakpoint
-- A finalised return is a declaration to HMRC: it and what it counted never change.
CREATE TRIGGER vat_returns_immutable_update BEFORE UPDATE ON vat_returns
BEGIN
  SELECT RAISE(ABORT, 'A finalised VAT return cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER vat_returns_immutable_delete BEFORE DELETE ON vat_returns
BEGIN
  SELECT RAISE(ABORT, 'A finalised VAT return cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER vat_return_counts_immutable_update BEFORE UPDATE ON vat_return_counts
BEGIN
  SELECT RAISE(ABORT, 'A finalised VAT return cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER vat_return_counts_immutable_delete BEFORE DELETE ON vat_return_counts
BEGIN
  SELECT RAISE(ABORT, 'A finalised VAT return cannot be changed');
END;
