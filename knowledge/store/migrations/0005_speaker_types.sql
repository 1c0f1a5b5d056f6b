-- Schema 5. Statements say who spoke (person, document, unnamed source), a split quote's parts, and where.

ALTER TABLE statements ADD COLUMN speaker_type TEXT NOT NULL DEFAULT 'person';
ALTER TABLE statements ADD COLUMN segments TEXT;
ALTER TABLE statements ADD COLUMN place TEXT
