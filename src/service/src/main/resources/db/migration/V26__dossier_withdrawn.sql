-- A stop at the applicant's request (withdrawal, rút hồ sơ) is counted apart from a stop by law or by the
-- agency in the period report (issue 14 §2, docs/domain.md §6). Version 25.14: issue 14, kept apart from
-- the V25 other branches may add. Runs unchanged on PostgreSQL 15 and H2 2.2.
ALTER TABLE dossier ADD COLUMN withdrawn BOOLEAN DEFAULT FALSE NOT NULL;
