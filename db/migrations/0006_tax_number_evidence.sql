ALTER TABLE `clients` ADD `tax_number_checked_at` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `tax_number_check_method` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `tax_number_check_result` text;