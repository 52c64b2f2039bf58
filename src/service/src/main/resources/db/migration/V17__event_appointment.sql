-- Issue 11: an event that moves the appointment keeps the appointment before and after it
-- (resumption after a pause moves it by the paused working time; an apology gives a new one).
ALTER TABLE dossier_event ADD COLUMN due_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE dossier_event ADD COLUMN due_after TIMESTAMP WITH TIME ZONE;
-- Issue 11 item 2: why an action dated well before it was keyed is keyed late.
ALTER TABLE dossier_event ADD COLUMN backdating_reason VARCHAR(4000);
