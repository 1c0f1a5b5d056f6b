"""How much one answer, list or query may read, and how long reads and writes may wait."""

from __future__ import annotations

STATEMENTS_PER_ANSWER = 60  # ten /quote pages
DOCUMENTS_PER_LIST = 25  # a Discord embed's fields and an autocomplete's choices
TITLE_WINDOW = 1_000  # documents per scope whose titles a title lookup reads: the newest ones
PASSAGES_PER_BRIEF = 100_000  # a 1,000,000-character article has about 10,000 sentences
SEARCH_CANDIDATES = 1_000  # matches ranked per search at most: the most recently stored ones
# How long a writer waits for another writer's transaction (one document: milliseconds) before it
# gives up on that document and says so. Readers never wait: WAL gives them a snapshot.
BUSY_TIMEOUT_SECONDS = 5
# A read query running longer than this is stopped and the asker told so (Store.query_seconds):
# Discord drops an answer after 3 s (15 min once acknowledged), and a runaway query would hold one
# of the few reader threads the other answers share.
QUERY_SECONDS = 2.0
# SQLite calls the progress handler every this many virtual-machine steps (about a millisecond of
# work): a query shorter than that never calls back into Python, so answers pay nothing for it.
PROGRESS_STEPS = 10_000
# Read-only connections answering at once: a long read (a /brief of a huge document) leaves the
# others free, and two cores gain nothing from more threads waiting on SQLite.
READERS = 3
