CREATE TABLE `app_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`invoicing` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "app_settings_singleton" CHECK("app_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `exchange_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`home_currency` text NOT NULL,
	`currency` text NOT NULL,
	`rate` text NOT NULL,
	`source` text NOT NULL,
	`date` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_rates_unique` ON `exchange_rates` (`home_currency`,`currency`,`source`,`date`);--> statement-breakpoint
CREATE TABLE `invoice_documents` (
	`invoice_id` integer PRIMARY KEY NOT NULL,
	`pdf` blob NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	`kind` text NOT NULL,
	`quantity` text NOT NULL,
	`unit` text NOT NULL,
	`unit_price` text NOT NULL,
	`credits_line_id` integer,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`credits_line_id`) REFERENCES `invoice_lines`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `invoice_lines_invoice_idx` ON `invoice_lines` (`invoice_id`,`position`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`client_id` integer NOT NULL,
	`number` text,
	`currency` text NOT NULL,
	`issue_date` text NOT NULL,
	`due_date` text NOT NULL,
	`tax_point` text,
	`supply_start` text,
	`supply_end` text,
	`po_number` text,
	`notes` text,
	`payment_terms_days` integer NOT NULL,
	`vat_override` text,
	`discount_percent` text,
	`withholding_percent` text,
	`fx_rate` text,
	`fx_source` text,
	`fx_date` text,
	`credit_for_id` integer,
	`credit_reason` text,
	`net` integer NOT NULL,
	`vat` integer NOT NULL,
	`gross` integer NOT NULL,
	`payable` integer NOT NULL,
	`issued_at` text,
	`snapshot` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`credit_for_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "invoices_issued_complete" CHECK("invoices"."status" = 'draft' or ("invoices"."number" is not null and "invoices"."snapshot" is not null and "invoices"."issued_at" is not null)),
	CONSTRAINT "invoices_net_integer" CHECK(typeof("net") = 'integer'),
	CONSTRAINT "invoices_vat_integer" CHECK(typeof("vat") = 'integer'),
	CONSTRAINT "invoices_gross_integer" CHECK(typeof("gross") = 'integer'),
	CONSTRAINT "invoices_payable_integer" CHECK(typeof("payable") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_unique` ON `invoices` (`number`);--> statement-breakpoint
CREATE INDEX `invoices_client_idx` ON `invoices` (`client_id`);--> statement-breakpoint
CREATE INDEX `invoices_issue_date_idx` ON `invoices` (`issue_date`);--> statement-breakpoint
CREATE INDEX `invoices_credit_for_idx` ON `invoices` (`credit_for_id`);--> statement-breakpoint
CREATE TABLE `number_series` (
	`series` text NOT NULL,
	`year` integer NOT NULL,
	`next` integer NOT NULL,
	CONSTRAINT "number_series_next" CHECK("number_series"."next" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `number_series_key` ON `number_series` (`series`,`year`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount` integer NOT NULL,
	`bank_fee` integer DEFAULT 0 NOT NULL,
	`method` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "payments_amount_integer" CHECK(typeof("amount") = 'integer'),
	CONSTRAINT "payments_bank_fee_integer" CHECK(typeof("bank_fee") = 'integer'),
	CONSTRAINT "payments_amount_positive" CHECK("payments"."amount" > 0 and "payments"."bank_fee" >= 0)
);
--> statement-breakpoint
CREATE INDEX `payments_invoice_idx` ON `payments` (`invoice_id`);