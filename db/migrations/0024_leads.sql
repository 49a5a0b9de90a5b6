CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer,
	`client_id` integer,
	`kind` text NOT NULL,
	`occurred_at` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`from_stage` text,
	`to_stage` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "activities_owner" CHECK("activities"."lead_id" is not null or "activities"."client_id" is not null),
	CONSTRAINT "activities_kind" CHECK("activities"."kind" in ('note', 'call', 'email', 'meeting', 'stage', 'proposal'))
);
--> statement-breakpoint
CREATE INDEX `activities_lead_idx` ON `activities` (`lead_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `activities_client_idx` ON `activities` (`client_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `intro_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`buffer_before_minutes` integer DEFAULT 0 NOT NULL,
	`buffer_after_minutes` integer DEFAULT 0 NOT NULL,
	`uid` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`outcome` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "intro_calls_status" CHECK("intro_calls"."status" in ('booked', 'held', 'cancelled')),
	CONSTRAINT "intro_calls_duration" CHECK("intro_calls"."duration_minutes" > 0 and "intro_calls"."buffer_before_minutes" >= 0 and "intro_calls"."buffer_after_minutes" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intro_calls_uid_idx` ON `intro_calls` (`uid`);--> statement-breakpoint
CREATE INDEX `intro_calls_lead_idx` ON `intro_calls` (`lead_id`);--> statement-breakpoint
CREATE INDEX `intro_calls_starts_idx` ON `intro_calls` (`starts_at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`organisation` text,
	`contact_name` text,
	`contact_email` text,
	`contact_phone` text,
	`links` text DEFAULT '[]' NOT NULL,
	`source` text NOT NULL,
	`source_detail` text,
	`recruiter` integer DEFAULT false NOT NULL,
	`estimate_minor` integer,
	`currency` text,
	`expected_start` text,
	`timezone` text,
	`notes` text DEFAULT '' NOT NULL,
	`stage` text NOT NULL,
	`stage_changed_at` text NOT NULL,
	`lost_reason` text,
	`lost_note` text,
	`next_action` text,
	`next_action_due` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`last_activity_at` text NOT NULL,
	`client_id` integer,
	`contract_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "leads_stage" CHECK("leads"."stage" in ('new', 'qualified', 'call-booked', 'call-held', 'proposal-sent', 'negotiating', 'won', 'lost')),
	CONSTRAINT "leads_lost_reason" CHECK(("leads"."stage" = 'lost') = ("leads"."lost_reason" is not null)),
	CONSTRAINT "leads_estimate" CHECK("leads"."estimate_minor" is null or (typeof("leads"."estimate_minor") = 'integer' and "leads"."estimate_minor" >= 0 and "leads"."currency" is not null))
);
--> statement-breakpoint
CREATE INDEX `leads_stage_idx` ON `leads` (`stage`,`last_activity_at`);--> statement-breakpoint
CREATE INDEX `leads_next_action_idx` ON `leads` (`next_action_due`) WHERE next_action_due is not null;--> statement-breakpoint
CREATE INDEX `leads_client_idx` ON `leads` (`client_id`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`terms` text NOT NULL,
	`valid_until` text NOT NULL,
	`sent_at` text,
	`decided_at` text,
	`client_id` integer,
	`contract_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "proposals_status" CHECK("proposals"."status" in ('draft', 'sent', 'accepted', 'declined'))
);
--> statement-breakpoint
CREATE INDEX `proposals_lead_idx` ON `proposals` (`lead_id`);--> statement-breakpoint
ALTER TABLE `app_settings` ADD `leads` text;