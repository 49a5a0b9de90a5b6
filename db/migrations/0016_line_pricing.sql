ALTER TABLE `invoice_lines` ADD `list_rate` text;--> statement-breakpoint
ALTER TABLE `invoice_lines` ADD `list_currency` text;--> statement-breakpoint
ALTER TABLE `invoice_lines` ADD `discount_percent` text;--> statement-breakpoint
ALTER TABLE `invoice_lines` ADD `discount_reason` text;