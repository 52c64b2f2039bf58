-- Issue 11 item 3: an event that moves the appointment keeps the appointment before and after it
-- (resumption after a pause moves it by the paused working time; an apology gives a new one).
ALTER TABLE dossier_event ADD COLUMN due_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE dossier_event ADD COLUMN due_after TIMESTAMP WITH TIME ZONE;
