-- Issue 11 §4: the duplicate-applicant warning at intake looks up open dossiers by the applicant's ID number
-- (stored without white space) and by the folded name (the candidates whose name and phone are then compared
-- exactly, ApplicantDossiers). Same statements on H2 and PostgreSQL; no data changes.
CREATE INDEX IF NOT EXISTS dossier_applicant_id_idx ON dossier (applicant_id_number);
CREATE INDEX IF NOT EXISTS dossier_applicant_name_idx ON dossier (applicant_name_search);
