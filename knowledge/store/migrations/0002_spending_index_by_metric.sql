-- Schema 2. Newest facts per metric are read through the index, however many facts a country has.

DROP INDEX IF EXISTS spending_by_subject;
CREATE INDEX spending_by_subject ON spending_facts (subject, metric, year)
