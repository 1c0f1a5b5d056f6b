-- Schema 4. How sure a figure is (actual, estimate, planned, target), older facts stay unlabelled.

ALTER TABLE spending_facts ADD COLUMN status TEXT
