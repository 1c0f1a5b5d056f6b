-- Schema 3. Per-document counts (/sources, /about, /brief) read indexes instead of scanning every fact.

CREATE INDEX IF NOT EXISTS spending_by_document ON spending_facts (document_id);
CREATE INDEX IF NOT EXISTS statements_by_document ON statements (document_id);
CREATE INDEX IF NOT EXISTS events_by_document ON events (document_id)
