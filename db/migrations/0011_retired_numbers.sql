CREATE TABLE `retired_numbers` (
	`number` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`retired_at` text NOT NULL
);
