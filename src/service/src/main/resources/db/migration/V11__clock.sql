-- Issue 9 item 11: the items a history event concerns, one per line (requested with a supplement request,
-- handed in with the resume after it). The reason column keeps the text in words.
ALTER TABLE dossier_event ADD COLUMN items VARCHAR(4000);
