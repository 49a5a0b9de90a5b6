-- Issued invoices and credit notes are legal records: no code path may change or delete them.
CREATE TRIGGER invoices_issue_from_draft BEFORE INSERT ON invoices WHEN NEW.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'Invoices are issued from drafts.'); END;
--> statement-breakpoint
CREATE TRIGGER invoices_issued_no_update BEFORE UPDATE ON invoices WHEN OLD.status = 'issued'
BEGIN SELECT RAISE(ABORT, 'This invoice is issued and can''t be changed. Create a credit note instead.'); END;
--> statement-breakpoint
CREATE TRIGGER invoices_issued_no_delete BEFORE DELETE ON invoices WHEN OLD.status = 'issued'
BEGIN SELECT RAISE(ABORT, 'This invoice is issued and can''t be deleted. Create a credit note instead.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_issued_no_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'This invoice is issued and can''t be changed. Create a credit note instead.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_issued_no_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued' OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'This invoice is issued and can''t be changed. Create a credit note instead.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_issued_no_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'This invoice is issued and can''t be changed. Create a credit note instead.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_documents_issued_only BEFORE INSERT ON invoice_documents
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'issued'
BEGIN SELECT RAISE(ABORT, 'Only an issued invoice has a stored document.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_documents_no_update BEFORE UPDATE ON invoice_documents
BEGIN SELECT RAISE(ABORT, 'A stored invoice document can''t be changed.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_documents_no_delete BEFORE DELETE ON invoice_documents
BEGIN SELECT RAISE(ABORT, 'A stored invoice document can''t be deleted.'); END;
