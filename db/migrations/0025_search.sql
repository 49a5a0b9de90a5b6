-- Global search (issue 15 point 6): one FTS5 index over clients, contacts, leads, activities,
-- proposals, contracts and invoices.
--
-- Design: the index is contentless with deletes (content='', contentless_delete=1). It stores only
-- the inverted index (tokens, rowids, column sizes for bm25), never a second copy of the text, so
-- the file grows by the index alone. What a record contributes is defined once, by the view
-- search_<kind>_docs (id, the label a hit shows, the indexed title and body, and the record a hit
-- opens): the triggers below index a row by selecting it from its view, the backfill at the end
-- selects every row, and the search service reads the same views to show a hit's label and cut its
-- snippet (FTS5's snippet() needs stored text, which a contentless index does not keep).
-- A row's index rowid is its id * 8 + a kind code (1 client, 2 contact, 3 lead, 4 activity,
-- 5 proposal, 6 contract, 7 invoice), so one index holds every kind without collisions and a row
-- is replaced by deleting its rowid and inserting it again. The `kind` column holds the kind's name
-- so a query can ask for one kind (ranked by bm25 within it); user terms are confined to title and
-- body. detail=column keeps no token positions: search is by term prefix, never by phrase.
-- unicode61 with remove_diacritics 2 folds case and accents on both sides, so "muller" finds "Müller".
--
-- Derived text follows its sources: a contract's document changes with its versions and its
-- client's name, an invoice's with its lines. An activity is indexed by its own text only (a lead's
-- title would make every note on it match); it shows its lead's or client's name as its label.
-- The index is derived data: the whole-book export leaves it out and an import fills it through
-- these same triggers (book-export/import.ts keeps them while it inserts the rows).
CREATE VIRTUAL TABLE search_index USING fts5(kind, title, body, content='', contentless_delete=1, detail=column, tokenize='unicode61 remove_diacritics 2')
--> statement-breakpoint
CREATE VIEW search_client_docs AS SELECT c.id, c.name AS label, c.name AS title, concat_ws(' ', c.legal_name, c.tax_number, c.city, (SELECT group_concat(value, ' ') FROM json_each(CASE WHEN json_valid(c.tags) THEN c.tags ELSE '[]' END))) AS body, 'client' AS open_kind, c.id AS open_id FROM clients c
--> statement-breakpoint
CREATE VIEW search_contact_docs AS SELECT p.id, p.name AS label, p.name AS title, coalesce(p.email, '') AS body, 'client' AS open_kind, p.client_id AS open_id FROM contacts p
--> statement-breakpoint
CREATE VIEW search_lead_docs AS SELECT l.id, l.title AS label, l.title, concat_ws(' ', l.organisation, l.contact_name, l.contact_email, l.notes, (SELECT group_concat(value, ' ') FROM json_each(CASE WHEN json_valid(l.tags) THEN l.tags ELSE '[]' END))) AS body, 'lead' AS open_kind, l.id AS open_id FROM leads l
--> statement-breakpoint
CREATE VIEW search_activity_docs AS SELECT a.id, coalesce((SELECT title FROM leads WHERE id = a.lead_id), (SELECT name FROM clients WHERE id = a.client_id)) AS label, '' AS title, a.body, CASE WHEN a.lead_id IS NULL THEN 'client' ELSE 'lead' END AS open_kind, coalesce(a.lead_id, a.client_id) AS open_id FROM activities a
--> statement-breakpoint
CREATE VIEW search_proposal_docs AS SELECT p.id, p.title AS label, p.title, p.scope AS body, 'lead' AS open_kind, p.lead_id AS open_id FROM proposals p
--> statement-breakpoint
CREATE VIEW search_contract_docs AS SELECT k.id, coalesce(v.title, '') AS label, coalesce(v.title, '') AS title, concat_ws(' ', c.name, v.scope) AS body, 'contract' AS open_kind, k.id AS open_id FROM contracts k JOIN clients c ON c.id = k.client_id LEFT JOIN contract_versions v ON v.id = (SELECT id FROM contract_versions WHERE contract_id = k.id ORDER BY version_number DESC LIMIT 1)
--> statement-breakpoint
CREATE VIEW search_invoice_docs AS SELECT i.id, coalesce(i.number, '') AS label, coalesce(i.number, '') AS title, concat_ws(' ', i.po_number, (SELECT group_concat(description, ' ') FROM invoice_lines WHERE invoice_id = i.id)) AS body, 'invoice' AS open_kind, i.id AS open_id FROM invoices i
--> statement-breakpoint
CREATE TRIGGER search_clients_insert AFTER INSERT ON clients
BEGIN
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 1;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 1, 'client', title, body FROM search_client_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_clients_update AFTER UPDATE OF name, legal_name, tax_number, city, tags ON clients
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 1;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 1, 'client', title, body FROM search_client_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_clients_delete AFTER DELETE ON clients
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
END
--> statement-breakpoint
CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts
BEGIN
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 2;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 2, 'contact', title, body FROM search_contact_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_contacts_update AFTER UPDATE OF name, email, client_id ON contacts
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 2;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 2, 'contact', title, body FROM search_contact_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_contacts_delete AFTER DELETE ON contacts
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
END
--> statement-breakpoint
CREATE TRIGGER search_leads_insert AFTER INSERT ON leads
BEGIN
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 3;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 3, 'lead', title, body FROM search_lead_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_leads_update AFTER UPDATE OF title, organisation, contact_name, contact_email, notes, tags ON leads
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 3;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 3, 'lead', title, body FROM search_lead_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_leads_delete AFTER DELETE ON leads
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
END
--> statement-breakpoint
CREATE TRIGGER search_activities_insert AFTER INSERT ON activities
BEGIN
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 4;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 4, 'activity', title, body FROM search_activity_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_activities_update AFTER UPDATE OF body, lead_id, client_id ON activities
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 4;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 4, 'activity', title, body FROM search_activity_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_activities_delete AFTER DELETE ON activities
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
END
--> statement-breakpoint
CREATE TRIGGER search_proposals_insert AFTER INSERT ON proposals
BEGIN
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 5;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 5, 'proposal', title, body FROM search_proposal_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_proposals_update AFTER UPDATE OF title, scope, lead_id ON proposals
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 5;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 5, 'proposal', title, body FROM search_proposal_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_proposals_delete AFTER DELETE ON proposals
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
END
--> statement-breakpoint
CREATE TRIGGER search_contracts_insert AFTER INSERT ON contracts
BEGIN
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 6;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 6, 'contract', title, body FROM search_contract_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_contracts_update AFTER UPDATE OF client_id ON contracts
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 6;
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 6;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 6, 'contract', title, body FROM search_contract_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_contracts_delete AFTER DELETE ON contracts
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 6;
END
--> statement-breakpoint
CREATE TRIGGER search_invoices_insert AFTER INSERT ON invoices
BEGIN
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 7;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 7, 'invoice', title, body FROM search_invoice_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_invoices_update AFTER UPDATE OF number, po_number ON invoices
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 7;
  DELETE FROM search_index WHERE rowid = (NEW.id) * 8 + 7;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 7, 'invoice', title, body FROM search_invoice_docs WHERE id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER search_invoices_delete AFTER DELETE ON invoices
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 7;
END
--> statement-breakpoint
CREATE TRIGGER search_invoice_lines_insert AFTER INSERT ON invoice_lines
BEGIN
  DELETE FROM search_index WHERE rowid = (NEW.invoice_id) * 8 + 7;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 7, 'invoice', title, body FROM search_invoice_docs WHERE id = NEW.invoice_id;
END
--> statement-breakpoint
CREATE TRIGGER search_invoice_lines_update AFTER UPDATE OF description, invoice_id ON invoice_lines
BEGIN
  DELETE FROM search_index WHERE rowid = (OLD.invoice_id) * 8 + 7;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 7, 'invoice', title, body FROM search_invoice_docs WHERE id = OLD.invoice_id;
  DELETE FROM search_index WHERE rowid = (NEW.invoice_id) * 8 + 7;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 7, 'invoice', title, body FROM search_invoice_docs WHERE id = NEW.invoice_id;
END
--> statement-breakpoint
CREATE TRIGGER search_invoice_lines_delete AFTER DELETE ON invoice_lines
BEGIN
  DELETE FROM search_index WHERE rowid = (OLD.invoice_id) * 8 + 7;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 7, 'invoice', title, body FROM search_invoice_docs WHERE id = OLD.invoice_id;
END
--> statement-breakpoint
CREATE TRIGGER search_contract_versions_insert AFTER INSERT ON contract_versions
BEGIN
  DELETE FROM search_index WHERE rowid = (NEW.contract_id) * 8 + 6;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 6, 'contract', title, body FROM search_contract_docs WHERE id = NEW.contract_id;
END
--> statement-breakpoint
CREATE TRIGGER search_contract_versions_update AFTER UPDATE OF title, scope, version_number, contract_id ON contract_versions
BEGIN
  DELETE FROM search_index WHERE rowid = (OLD.contract_id) * 8 + 6;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 6, 'contract', title, body FROM search_contract_docs WHERE id = OLD.contract_id;
  DELETE FROM search_index WHERE rowid = (NEW.contract_id) * 8 + 6;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 6, 'contract', title, body FROM search_contract_docs WHERE id = NEW.contract_id;
END
--> statement-breakpoint
CREATE TRIGGER search_contract_versions_delete AFTER DELETE ON contract_versions
BEGIN
  DELETE FROM search_index WHERE rowid = (OLD.contract_id) * 8 + 6;
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 6, 'contract', title, body FROM search_contract_docs WHERE id = OLD.contract_id;
END
--> statement-breakpoint
CREATE TRIGGER search_clients_name_update AFTER UPDATE OF name ON clients
BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT id * 8 + 6 FROM (SELECT id FROM contracts WHERE client_id = NEW.id));
  INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 6, 'contract', title, body FROM search_contract_docs WHERE id IN (SELECT id FROM contracts WHERE client_id = NEW.id);
END
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 1, 'client', title, body FROM search_client_docs
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 2, 'contact', title, body FROM search_contact_docs
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 3, 'lead', title, body FROM search_lead_docs
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 4, 'activity', title, body FROM search_activity_docs
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 5, 'proposal', title, body FROM search_proposal_docs
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 6, 'contract', title, body FROM search_contract_docs
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, title, body) SELECT id * 8 + 7, 'invoice', title, body FROM search_invoice_docs
