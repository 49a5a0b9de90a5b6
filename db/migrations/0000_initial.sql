CREATE TABLE `bank_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`currency` text NOT NULL,
	`account_holder` text NOT NULL,
	`bank_name` text,
	`iban` text,
	`bic` text,
	`account_number` text,
	`sort_code` text,
	`routing_number` text,
	`details` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_accounts_currency_unique` ON `bank_accounts` (`currency`);--> statement-breakpoint
CREATE TABLE `business_profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`business_name` text NOT NULL,
	`legal_name` text,
	`address_line1` text NOT NULL,
	`address_line2` text,
	`city` text NOT NULL,
	`region` text,
	`postal_code` text,
	`country` text NOT NULL,
	`home_currency` text NOT NULL,
	`vat_registered` integer NOT NULL,
	`vat_number` text,
	`company_number` text,
	`default_payment_terms_days` integer NOT NULL,
	`email` text,
	`phone` text,
	`website` text,
	`logo_mime_type` text,
	`logo` blob,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "business_profile_singleton" CHECK("business_profile"."id" = 1),
	CONSTRAINT "business_profile_terms" CHECK(typeof("business_profile"."default_payment_terms_days") = 'integer')
);
--> statement-breakpoint
CREATE TABLE `clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`legal_name` text,
	`country` text NOT NULL,
	`address_line1` text,
	`address_line2` text,
	`city` text,
	`region` text,
	`postal_code` text,
	`timezone` text NOT NULL,
	`currency` text NOT NULL,
	`customer_type` text NOT NULL,
	`tax_number` text,
	`payment_terms_days` integer,
	`notes` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "clients_customer_type" CHECK("clients"."customer_type" in ('business', 'consumer')),
	CONSTRAINT "clients_terms" CHECK("clients"."payment_terms_days" is null or typeof("clients"."payment_terms_days") = 'integer')
);
--> statement-breakpoint
CREATE INDEX `clients_name_idx` ON `clients` (`name`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text,
	`email` text,
	`phone` text,
	`is_billing` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_client_idx` ON `contacts` (`client_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_one_billing_per_client` ON `contacts` (`client_id`) WHERE "contacts"."is_billing" = 1;