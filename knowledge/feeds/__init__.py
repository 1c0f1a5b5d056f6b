"""News that arrives by itself: feeds and pages fetched, read, stored once, and what each changed.

* ``fetch``: HTTP(S) with conditional requests, per-host delay, timeouts, size cap, bounded
  redirects, and no private or local addresses (checked after DNS resolution, on every hop).
* ``parse``: RSS, Atom and JSON Feed entries; a page's article text and header (trafilatura).
* ``poll``: feeds and pages into the store, each article once, an update replacing its earlier
  version, failing feeds retried with backoff.
* ``changes``: what a stored article changed in the briefing (figures, statements, meetings).
"""
