CREATE TABLE `logos` (
	`sha256` text PRIMARY KEY NOT NULL,
	`mime_type` text NOT NULL,
	`data` blob NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER logos_no_update BEFORE UPDATE ON logos
BEGIN SELECT RAISE(ABORT, 'A logo printed on issued documents can''t be changed.'); END;
--> statement-breakpoint
CREATE TRIGGER logos_no_delete BEFORE DELETE ON logos
BEGIN SELECT RAISE(ABORT, 'A logo printed on issued documents can''t be deleted.'); END;
