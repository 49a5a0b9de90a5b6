ALTER TABLE `expenses` ADD `invoice_line_id` integer;--> statement-breakpoint
CREATE INDEX `expenses_unbilled_idx` ON `expenses` (`contract_id`,`expense_date`,`currency`,`amount_minor`,`rebillable`,`invoice_line_id`) WHERE invoice_line_id is null and rebillable = 1;--> statement-breakpoint
ALTER TABLE `time_entries` ADD `invoice_line_id` integer;--> statement-breakpoint
CREATE INDEX `time_entries_unbilled_idx` ON `time_entries` (`contract_id`,`work_date`,`duration_seconds`,`billable`,`invoice_line_id`) WHERE invoice_line_id is null and billable = 1 and duration_seconds is not null;
--> statement-breakpoint
-- invoice_line_sources stays the record (its unique indexes refuse double billing); these keep the column the partial indexes read in step.
CREATE TRIGGER invoice_line_sources_mark_billed AFTER INSERT ON invoice_line_sources
BEGIN
  UPDATE time_entries SET invoice_line_id = NEW.invoice_line_id WHERE NEW.time_entry_id IS NOT NULL AND id = NEW.time_entry_id;
  UPDATE expenses SET invoice_line_id = NEW.invoice_line_id WHERE NEW.expense_id IS NOT NULL AND id = NEW.expense_id;
END;
--> statement-breakpoint
CREATE TRIGGER invoice_line_sources_release AFTER DELETE ON invoice_line_sources
BEGIN
  UPDATE time_entries SET invoice_line_id = NULL WHERE OLD.time_entry_id IS NOT NULL AND id = OLD.time_entry_id;
  UPDATE expenses SET invoice_line_id = NULL WHERE OLD.expense_id IS NOT NULL AND id = OLD.expense_id;
END;
