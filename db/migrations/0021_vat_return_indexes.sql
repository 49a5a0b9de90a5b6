CREATE INDEX `invoices_status_tax_point_idx` ON `invoices` (`status`,`tax_point`);--> statement-breakpoint
CREATE INDEX `payments_date_idx` ON `payments` (`date`);