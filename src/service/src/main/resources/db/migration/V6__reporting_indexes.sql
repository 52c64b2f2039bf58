-- Reporting (periodic report, tracking book, dashboard): the period and receipt-date filters, the
-- refusal / apology events joined per dossier, and the desk / approval steps of a tracking-book page.
CREATE INDEX IF NOT EXISTS dossier_received_idx ON dossier (received_at);
CREATE INDEX IF NOT EXISTS dossier_completed_idx ON dossier (completed_at);
CREATE INDEX IF NOT EXISTS dossier_event_dossier_action_idx ON dossier_event (dossier_id, action);
CREATE INDEX IF NOT EXISTS dossier_step_dossier_idx ON dossier_step (dossier_id, position);
