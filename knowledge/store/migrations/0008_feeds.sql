-- Schema 8. Feeds followed (global, guild_id NULL, or one server's), the items seen in each, the changes
-- each stored article made to the briefing, and the channel each server has them posted in.

CREATE INDEX IF NOT EXISTS documents_by_url ON documents (url);
CREATE TABLE IF NOT EXISTS feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL,
    guild_id      INTEGER,
    title         TEXT,
    etag          TEXT,
    last_modified TEXT,
    added_at      TEXT NOT NULL,
    polled_at     TEXT,
    succeeded_at  TEXT,
    failures      INTEGER NOT NULL DEFAULT 0,
    retry_at      TEXT,
    last_error    TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS feeds_by_url ON feeds (url, coalesce(guild_id, 0));
CREATE TABLE IF NOT EXISTS feed_items (
    feed_id     INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    url         TEXT NOT NULL,
    version     TEXT,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    error       TEXT,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (feed_id, key)
);
CREATE TABLE IF NOT EXISTS changes (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    guild_id    INTEGER,
    created_at  TEXT NOT NULL,
    report      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_by_time ON changes (created_at);
CREATE TABLE IF NOT EXISTS feed_channels (
    guild_id   INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL,
    delivered  INTEGER NOT NULL DEFAULT 0
);
