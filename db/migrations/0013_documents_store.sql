PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_invoice_documents` (
	`invoice_id` integer PRIMARY KEY NOT NULL,
	`pdf` blob,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_invoice_documents`("invoice_id", "pdf", "sha256", "created_at") SELECT "invoice_id", "pdf", "sha256", "created_at" FROM `invoice_documents`;--> statement-breakpoint
DROP TABLE `invoice_documents`;--> statement-breakpoint
ALTER TABLE `__new_invoice_documents` RENAME TO `invoice_documents`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
-- The rebuilt table keeps its guards. The one change allowed: the app, having stored a PDF in the
-- documents store and checked it there by hash, clears the copy held in the row.
CREATE TRIGGER invoice_documents_issued_only BEFORE INSERT ON invoice_documents
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'issued'
BEGIN SELECT RAISE(ABORT, 'Only an issued invoice has a stored document.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_documents_no_update BEFORE UPDATE ON invoice_documents
WHEN NOT (OLD.pdf IS NOT NULL AND NEW.pdf IS NULL AND NEW.invoice_id = OLD.invoice_id AND NEW.sha256 = OLD.sha256 AND NEW.created_at = OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'A stored invoice document can''t be changed.'); END;
--> statement-breakpoint
CREATE TRIGGER invoice_documents_no_delete BEFORE DELETE ON invoice_documents
BEGIN SELECT RAISE(ABORT, 'A stored invoice document can''t be deleted.'); END;
