CREATE TABLE `document_home_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`rate` text NOT NULL,
	`source` text NOT NULL,
	`date` text NOT NULL,
	`home_net` integer NOT NULL,
	`home_vat` integer NOT NULL,
	`home_gross` integer NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "document_home_values_net_integer" CHECK(typeof("home_net") = 'integer'),
	CONSTRAINT "document_home_values_vat_integer" CHECK(typeof("home_vat") = 'integer'),
	CONSTRAINT "document_home_values_gross_integer" CHECK(typeof("home_gross") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_home_values_invoice_unique` ON `document_home_values` (`invoice_id`);--> statement-breakpoint
ALTER TABLE `invoices` ADD `home_net` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `home_vat` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `home_gross` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `home_amount` integer;--> statement-breakpoint
-- A later home value belongs to an issued document and, once recorded, is never changed or removed.
CREATE TRIGGER document_home_values_issued_only BEFORE INSERT ON document_home_values
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'issued'
BEGIN SELECT RAISE(ABORT, 'Only an issued document has a home value added later.'); END;
--> statement-breakpoint
CREATE TRIGGER document_home_values_no_update BEFORE UPDATE ON document_home_values
BEGIN SELECT RAISE(ABORT, 'A recorded home-currency value can''t be changed.'); END;
--> statement-breakpoint
CREATE TRIGGER document_home_values_no_delete BEFORE DELETE ON document_home_values
BEGIN SELECT RAISE(ABORT, 'A recorded home-currency value can''t be deleted.'); END;
