-- Schema 9. The document log: one row per document stored or removed, written by triggers in the same
-- transaction, whichever process writes. Its sequence (AUTOINCREMENT: never reused, unlike a
-- deleted document's id) tells a reader what changed since the version it has loaded, so the data
-- answers share is brought up to date with the new documents alone instead of read again whole.
-- Documents stored before it are in every snapshot's first full load.

CREATE TABLE document_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL,
    scope       TEXT NOT NULL,
    added       INTEGER NOT NULL
);
CREATE TRIGGER documents_logged_ai AFTER INSERT ON documents BEGIN
    INSERT INTO document_log (document_id, scope, added) VALUES (new.id, new.scope, 1);
END;
CREATE TRIGGER documents_logged_ad AFTER DELETE ON documents BEGIN
    INSERT INTO document_log (document_id, scope, added) VALUES (old.id, old.scope, 0);
END;
