-- Issue 12 §4 (dashboard of the whole province on a year of 1 M dossiers): the count by status read every dossier
-- row (a sequential scan, 300-560 ms on PostgreSQL). With the child flag and the id in the index the count is read
-- from the index alone (150 ms). The status index it replaces had the status alone; status stays the first column,
-- so the searches by status keep their index.
DROP INDEX dossier_status_idx;
CREATE INDEX dossier_status_idx ON dossier (status, inter_agency_child, id);
