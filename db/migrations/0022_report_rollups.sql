CREATE TABLE `document_line_totals` (
	`invoice_id` integer PRIMARY KEY NOT NULL,
	`rebilled_lines` integer NOT NULL,
	`all_lines` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `time_day_totals` (
	`work_date` text PRIMARY KEY NOT NULL,
	`seconds` integer NOT NULL,
	`billable_seconds` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `time_month_totals` (
	`contract_id` integer NOT NULL,
	`month` text NOT NULL,
	`seconds` integer NOT NULL,
	`billable_seconds` integer NOT NULL,
	PRIMARY KEY(`contract_id`, `month`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO time_month_totals (contract_id, month, seconds, billable_seconds)
SELECT contract_id, substr(work_date, 1, 7), sum(duration_seconds), sum(CASE WHEN billable = 1 THEN duration_seconds ELSE 0 END)
FROM time_entries WHERE duration_seconds IS NOT NULL GROUP BY contract_id, substr(work_date, 1, 7);
--> statement-breakpoint
INSERT INTO time_day_totals (work_date, seconds, billable_seconds)
SELECT work_date, sum(duration_seconds), sum(CASE WHEN billable = 1 THEN duration_seconds ELSE 0 END)
FROM time_entries WHERE duration_seconds IS NOT NULL GROUP BY work_date;
--> statement-breakpoint
INSERT INTO document_line_totals (invoice_id, rebilled_lines, all_lines)
SELECT i.id,
  (SELECT coalesce(sum(json_extract(l.value, '$.amount')), 0) FROM json_each(i.snapshot, '$.calculation.lines') l WHERE json_extract(l.value, '$.kind') IN ('expense', 'disbursement')),
  (SELECT coalesce(sum(json_extract(l.value, '$.amount')), 0) FROM json_each(i.snapshot, '$.calculation.lines') l)
FROM invoices i WHERE i.status = 'issued';
--> statement-breakpoint
CREATE TRIGGER document_line_totals_on_issue AFTER UPDATE OF status ON invoices WHEN OLD.status = 'draft' AND NEW.status = 'issued'
BEGIN
  INSERT INTO document_line_totals (invoice_id, rebilled_lines, all_lines) VALUES (
    NEW.id,
    (SELECT coalesce(sum(json_extract(l.value, '$.amount')), 0) FROM json_each(NEW.snapshot, '$.calculation.lines') l WHERE json_extract(l.value, '$.kind') IN ('expense', 'disbursement')),
    (SELECT coalesce(sum(json_extract(l.value, '$.amount')), 0) FROM json_each(NEW.snapshot, '$.calculation.lines') l));
END;
--> statement-breakpoint
CREATE TRIGGER document_line_totals_no_update BEFORE UPDATE ON document_line_totals
BEGIN SELECT RAISE(ABORT, 'An issued document''s line totals can''t be changed.'); END;
--> statement-breakpoint
CREATE TRIGGER document_line_totals_no_delete BEFORE DELETE ON document_line_totals
BEGIN SELECT RAISE(ABORT, 'An issued document''s line totals can''t be deleted.'); END;
--> statement-breakpoint
CREATE TRIGGER time_totals_on_insert AFTER INSERT ON time_entries WHEN NEW.duration_seconds IS NOT NULL
BEGIN
  INSERT INTO time_month_totals (contract_id, month, seconds, billable_seconds)
  VALUES (NEW.contract_id, substr(NEW.work_date, 1, 7), NEW.duration_seconds, CASE WHEN NEW.billable = 1 THEN NEW.duration_seconds ELSE 0 END)
  ON CONFLICT (contract_id, month) DO UPDATE SET seconds = seconds + excluded.seconds, billable_seconds = billable_seconds + excluded.billable_seconds;
  INSERT INTO time_day_totals (work_date, seconds, billable_seconds)
  VALUES (NEW.work_date, NEW.duration_seconds, CASE WHEN NEW.billable = 1 THEN NEW.duration_seconds ELSE 0 END)
  ON CONFLICT (work_date) DO UPDATE SET seconds = seconds + excluded.seconds, billable_seconds = billable_seconds + excluded.billable_seconds;
END;
--> statement-breakpoint
CREATE TRIGGER time_totals_on_delete AFTER DELETE ON time_entries WHEN OLD.duration_seconds IS NOT NULL
BEGIN
  UPDATE time_month_totals SET seconds = seconds - OLD.duration_seconds, billable_seconds = billable_seconds - CASE WHEN OLD.billable = 1 THEN OLD.duration_seconds ELSE 0 END
  WHERE contract_id = OLD.contract_id AND month = substr(OLD.work_date, 1, 7);
  UPDATE time_day_totals SET seconds = seconds - OLD.duration_seconds, billable_seconds = billable_seconds - CASE WHEN OLD.billable = 1 THEN OLD.duration_seconds ELSE 0 END
  WHERE work_date = OLD.work_date;
END;
--> statement-breakpoint
CREATE TRIGGER time_totals_on_update AFTER UPDATE OF contract_id, work_date, duration_seconds, billable ON time_entries
BEGIN
  UPDATE time_month_totals SET seconds = seconds - OLD.duration_seconds, billable_seconds = billable_seconds - CASE WHEN OLD.billable = 1 THEN OLD.duration_seconds ELSE 0 END
  WHERE OLD.duration_seconds IS NOT NULL AND contract_id = OLD.contract_id AND month = substr(OLD.work_date, 1, 7);
  UPDATE time_day_totals SET seconds = seconds - OLD.duration_seconds, billable_seconds = billable_seconds - CASE WHEN OLD.billable = 1 THEN OLD.duration_seconds ELSE 0 END
  WHERE OLD.duration_seconds IS NOT NULL AND work_date = OLD.work_date;
  INSERT INTO time_month_totals (contract_id, month, seconds, billable_seconds)
  SELECT NEW.contract_id, substr(NEW.work_date, 1, 7), NEW.duration_seconds, CASE WHEN NEW.billable = 1 THEN NEW.duration_seconds ELSE 0 END
  WHERE NEW.duration_seconds IS NOT NULL
  ON CONFLICT (contract_id, month) DO UPDATE SET seconds = seconds + excluded.seconds, billable_seconds = billable_seconds + excluded.billable_seconds;
  INSERT INTO time_day_totals (work_date, seconds, billable_seconds)
  SELECT NEW.work_date, NEW.duration_seconds, CASE WHEN NEW.billable = 1 THEN NEW.duration_seconds ELSE 0 END
  WHERE NEW.duration_seconds IS NOT NULL
  ON CONFLICT (work_date) DO UPDATE SET seconds = seconds + excluded.seconds, billable_seconds = billable_seconds + excluded.billable_seconds;
END;
