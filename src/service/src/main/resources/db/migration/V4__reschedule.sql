-- The new appointment given with an apology (form 04); the original appointment stays in due_at.
ALTER TABLE dossier ADD COLUMN rescheduled_due_at TIMESTAMP WITH TIME ZONE;
