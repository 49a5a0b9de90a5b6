ALTER TABLE `business_profile` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `tax_point_reason` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `continuous_supply` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `prices_include_vat` integer DEFAULT false NOT NULL;