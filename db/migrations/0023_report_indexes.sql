DROP INDEX `payments_invoice_idx`;--> statement-breakpoint
CREATE INDEX `payments_invoice_date_idx` ON `payments` (`invoice_id`,`date`);--> statement-breakpoint
CREATE INDEX `invoices_report_date_idx` ON `invoices` (`status`,`issue_date`,`client_id`,`currency`,`kind`,`net`,`home_net`);--> statement-breakpoint
CREATE INDEX `invoices_report_id_idx` ON `invoices` (`id`,`client_id`,`kind`,`number`,`issue_date`,`due_date`,`currency`,`gross`,`home_gross`);