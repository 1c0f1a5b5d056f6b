-- Schema 7. Scopes. Every document belongs to "global" or one server, existing ones become global.
-- documents is rebuilt (content is unique per scope now, not in the whole store), which is why
-- migrations run with foreign keys off, the full-text index gains the scope. Every row that an
-- answer reads carries its document's scope, and every read goes through an index that starts
-- with the scope. scope_people lists who each scope knows (people rows are shared: one per
-- normalized name), guild_settings what a server chose. The passages' scope is an indexed column
-- of the full-text index too, so a search reads only the visible scopes' doclists.

CREATE TABLE documents_v7 (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL,
    name        TEXT,
    title       TEXT,
    outlet      TEXT,
    url         TEXT,
    published   TEXT,
    body        TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    scope       TEXT NOT NULL DEFAULT 'global',
    UNIQUE (scope, sha256)
);
INSERT INTO documents_v7 (id, sha256, name, title, outlet, url, published, body, ingested_at)
     SELECT id, sha256, name, title, outlet, url, published, body, ingested_at FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v7 RENAME TO documents;
ALTER TABLE passages ADD COLUMN scope TEXT NOT NULL DEFAULT 'global';
ALTER TABLE person_roles ADD COLUMN scope TEXT NOT NULL DEFAULT 'global';
ALTER TABLE spending_facts ADD COLUMN scope TEXT NOT NULL DEFAULT 'global';
ALTER TABLE statements ADD COLUMN scope TEXT NOT NULL DEFAULT 'global';
ALTER TABLE events ADD COLUMN scope TEXT NOT NULL DEFAULT 'global';
DROP INDEX spending_by_subject;
DROP TRIGGER passages_ai;
DROP TRIGGER passages_ad;
DROP TABLE passages_fts;
CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, section, scope, content='passages', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts (rowid, text, section, scope) VALUES (new.id, new.text, new.section, new.scope);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text, section, scope)
    VALUES ('delete', old.id, old.text, old.section, old.scope);
END;

CREATE INDEX documents_by_scope ON documents (scope, published);
CREATE INDEX spending_by_subject ON spending_facts (scope, subject, metric, year);
CREATE INDEX statements_by_scope ON statements (scope, person_id);
CREATE INDEX roles_by_scope ON person_roles (scope, person_id);
CREATE INDEX events_by_scope ON events (scope, year, month, day);
CREATE INDEX aliases_by_person ON person_aliases (person_id);
CREATE TABLE scope_people (
    scope     TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (scope, person_id)
);
CREATE TABLE guild_settings (
    guild_id    INTEGER PRIMARY KEY,
    hide_global INTEGER NOT NULL DEFAULT 0
);
INSERT INTO scope_people (scope, person_id) SELECT 'global', id FROM people;
INSERT INTO passages_fts (passages_fts) VALUES ('rebuild')
