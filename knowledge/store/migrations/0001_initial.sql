-- Schema 1. The first schema: documents, their passages (and full-text index), people, spending facts, statements, events.

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    name        TEXT,
    title       TEXT,
    outlet      TEXT,
    url         TEXT,
    published   TEXT,
    body        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE passages (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    section     TEXT,
    text        TEXT NOT NULL,
    UNIQUE (document_id, position)
);
CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, section, content='passages', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts (rowid, text, section) VALUES (new.id, new.text, new.section);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text, section) VALUES ('delete', old.id, old.text, old.section);
END;
CREATE TABLE people (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key  TEXT NOT NULL UNIQUE
);
CREATE TABLE person_aliases (
    alias     TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (alias, person_id)
);
CREATE TABLE person_roles (
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage_id  INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    PRIMARY KEY (person_id, document_id, role)
);
CREATE TABLE spending_facts (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage_id  INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    subject     TEXT NOT NULL,
    metric      TEXT NOT NULL,
    time_json   TEXT,
    year        INTEGER,
    value       REAL,
    currency    TEXT,
    approximate INTEGER NOT NULL,
    target      REAL,
    total       INTEGER,
    as_written  TEXT NOT NULL,
    equivalents TEXT NOT NULL
);
CREATE INDEX spending_by_subject ON spending_facts (subject, year);
CREATE TABLE statements (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage_id  INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL,
    context     TEXT,
    time_json   TEXT,
    medium      TEXT
);
CREATE INDEX statements_by_person ON statements (person_id);
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    place       TEXT,
    country     TEXT,
    time_json   TEXT,
    year        INTEGER,
    month       INTEGER,
    day         INTEGER
);
CREATE INDEX events_by_kind ON events (kind, year, month, day);
CREATE TABLE event_attendees (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    person_id  INTEGER REFERENCES people(id) ON DELETE SET NULL,
    role       TEXT,
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE
);
CREATE INDEX attendees_by_person ON event_attendees (person_id);
CREATE TABLE event_agenda (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE
);
CREATE TABLE event_passages (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, passage_id)
);
