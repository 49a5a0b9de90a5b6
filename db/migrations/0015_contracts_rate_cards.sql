CREATE TABLE `contract_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_version_id` integer NOT NULL,
	`kind` text NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`byte_size` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contract_version_id`) REFERENCES `contract_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `contract_documents_version_idx` ON `contract_documents` (`contract_version_id`);--> statement-breakpoint
CREATE TABLE `contract_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`version_number` integer NOT NULL,
	`effective_from` text NOT NULL,
	`title` text NOT NULL,
	`scope` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`notice_amount` integer NOT NULL,
	`notice_unit` text NOT NULL,
	`rate_card_id` integer NOT NULL,
	`rate_card_version_from` text NOT NULL,
	`unit` text NOT NULL,
	`hours_per_day` text,
	`list_amount_minor` integer NOT NULL,
	`list_currency` text NOT NULL,
	`discount_rule_id` integer,
	`discount_percent` text NOT NULL,
	`discount_reason` text,
	`currency` text NOT NULL,
	`fx_mode` text,
	`fx_rate` text,
	`fx_date` text,
	`resolved_rate` text NOT NULL,
	`billing_cycle` text NOT NULL,
	`billing_anchor` text,
	`payment_terms_days` integer NOT NULL,
	`po_number` text,
	`rounding_mode` text NOT NULL,
	`rounding_increment` integer NOT NULL,
	`rounding_scope` text NOT NULL,
	`expense_policy` text NOT NULL,
	`expense_markup_percent` text,
	`expense_cap_minor` integer,
	`retainer_fee_minor` integer,
	`retainer_included_hours` text,
	`retainer_overage_minor` integer,
	`retainer_rollover` integer,
	`retainer_rollover_cap_hours` text,
	`budget_kind` text,
	`budget_amount` text,
	`ir35_status` text,
	`sds_received` integer,
	`sds_date` text,
	`signed_at` text,
	`snapshot` text,
	`pdf_sha256` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rate_card_id`) REFERENCES `rate_cards`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`discount_rule_id`) REFERENCES `discount_rules`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "contract_versions_signed_complete" CHECK("contract_versions"."signed_at" is null or ("contract_versions"."snapshot" is not null and "contract_versions"."pdf_sha256" is not null)),
	CONSTRAINT "contract_versions_dates" CHECK("contract_versions"."end_date" is null or "contract_versions"."end_date" >= "contract_versions"."start_date"),
	CONSTRAINT "contract_versions_list_amount_integer" CHECK(typeof("list_amount_minor") = 'integer'),
	CONSTRAINT "contract_versions_list_amount_positive" CHECK("contract_versions"."list_amount_minor" > 0),
	CONSTRAINT "contract_versions_terms_integer" CHECK(typeof("contract_versions"."payment_terms_days") = 'integer' and "contract_versions"."payment_terms_days" >= 0),
	CONSTRAINT "contract_versions_money_integer" CHECK(("contract_versions"."expense_cap_minor" is null or (typeof("contract_versions"."expense_cap_minor") = 'integer' and "contract_versions"."expense_cap_minor" >= 0)) and ("contract_versions"."retainer_fee_minor" is null or (typeof("contract_versions"."retainer_fee_minor") = 'integer' and "contract_versions"."retainer_fee_minor" > 0)) and ("contract_versions"."retainer_overage_minor" is null or (typeof("contract_versions"."retainer_overage_minor") = 'integer' and "contract_versions"."retainer_overage_minor" >= 0)))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_versions_number_unique` ON `contract_versions` (`contract_id`,`version_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `contract_versions_effective_unique` ON `contract_versions` (`contract_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "contracts_status" CHECK("contracts"."status" in ('draft', 'sent', 'signed', 'active', 'ended', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `contracts_client_idx` ON `contracts` (`client_id`);--> statement-breakpoint
CREATE INDEX `contracts_status_idx` ON `contracts` (`status`);--> statement-breakpoint
CREATE TABLE `discount_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `discount_rules_name_unique` ON `discount_rules` ("name" collate nocase);--> statement-breakpoint
CREATE TABLE `discount_tiers` (
	`rule_id` integer NOT NULL,
	`from_months` integer NOT NULL,
	`percent` text NOT NULL,
	FOREIGN KEY (`rule_id`) REFERENCES `discount_rules`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "discount_tiers_months" CHECK(typeof("discount_tiers"."from_months") = 'integer' and "discount_tiers"."from_months" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `discount_tiers_key` ON `discount_tiers` (`rule_id`,`from_months`);--> statement-breakpoint
CREATE TABLE `rate_card_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rate_card_id` integer NOT NULL,
	`effective_from` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`hours_per_day` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`rate_card_id`) REFERENCES `rate_cards`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "rate_card_versions_amount_integer" CHECK(typeof("amount_minor") = 'integer'),
	CONSTRAINT "rate_card_versions_amount_positive" CHECK("rate_card_versions"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rate_card_versions_date_unique` ON `rate_card_versions` (`rate_card_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `rate_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`currency` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "rate_cards_unit" CHECK("rate_cards"."unit" in ('hour', 'day', 'fixed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rate_cards_name_unique` ON `rate_cards` ("name" collate nocase);--> statement-breakpoint
CREATE UNIQUE INDEX `rate_cards_one_default` ON `rate_cards` (`is_default`) WHERE "rate_cards"."is_default" = 1;--> statement-breakpoint
ALTER TABLE `invoices` ADD `contract_id` integer REFERENCES contracts(id);--> statement-breakpoint
CREATE INDEX `invoices_contract_idx` ON `invoices` (`contract_id`);--> statement-breakpoint
-- A signed version is a record both parties hold: like an issued invoice, it never changes.
CREATE TRIGGER contract_versions_signed_no_update BEFORE UPDATE ON contract_versions
WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'A signed contract version can''t be changed. Amend the contract instead.'); END;
--> statement-breakpoint
CREATE TRIGGER contract_versions_signed_no_delete BEFORE DELETE ON contract_versions
WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'A signed contract version can''t be deleted.'); END;
--> statement-breakpoint
CREATE TRIGGER contract_documents_no_update BEFORE UPDATE ON contract_documents
BEGIN SELECT RAISE(ABORT, 'A stored contract document can''t be changed.'); END;
--> statement-breakpoint
CREATE TRIGGER contract_documents_no_delete BEFORE DELETE ON contract_documents
BEGIN SELECT RAISE(ABORT, 'A stored contract document can''t be deleted.'); END;
--> statement-breakpoint
-- A rate change is a new version from a date, so work already priced keeps its price.
CREATE TRIGGER rate_card_versions_no_update BEFORE UPDATE ON rate_card_versions
BEGIN SELECT RAISE(ABORT, 'A rate card price can''t be changed. Add a new price from a date instead.'); END;
--> statement-breakpoint
CREATE TRIGGER rate_card_versions_used_no_delete BEFORE DELETE ON rate_card_versions
WHEN EXISTS (SELECT 1 FROM contract_versions WHERE rate_card_id = OLD.rate_card_id AND rate_card_version_from = OLD.effective_from)
BEGIN SELECT RAISE(ABORT, 'This rate card price is used by a contract and can''t be deleted.'); END;
