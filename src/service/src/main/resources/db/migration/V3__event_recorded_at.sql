-- When each history event was written by the system (server clock), next to the moment it refers to
-- (a postal dossier is logged with its arrival time; the officer records it later).
ALTER TABLE dossier_event ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE;
UPDATE dossier_event SET recorded_at = occurred_at;
ALTER TABLE dossier_event ALTER COLUMN recorded_at SET NOT NULL;
