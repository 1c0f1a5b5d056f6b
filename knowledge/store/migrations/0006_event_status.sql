-- Schema 6. An event's status against its article's date (upcoming, in progress, past), as the text tells.

ALTER TABLE events ADD COLUMN status TEXT
