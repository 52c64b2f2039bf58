-- Issue 11 item 2: an action dated too far before its keying waits for a leader's approval. The request keeps
-- everything the officer entered (as JSON) and the dossier's code (no foreign key: it is written while the dossier
-- row is locked by the refused change); the dossier does not change until a leader approves.
CREATE SEQUENCE backdating_request_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE backdating_request (
    id              BIGINT PRIMARY KEY,
    dossier_code    VARCHAR(40)   NOT NULL,
    unit_code       VARCHAR(40)   NOT NULL,
    action          VARCHAR(40)   NOT NULL,
    command         VARCHAR(16000) NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(4000) NOT NULL,
    based_on_event  INTEGER       NOT NULL,
    requested_by    VARCHAR(100)  NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    decided_by      VARCHAR(100),
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_note   VARCHAR(4000),
    version         BIGINT        NOT NULL
);
CREATE INDEX backdating_request_dossier ON backdating_request (dossier_code);
CREATE INDEX backdating_request_pending ON backdating_request (status, unit_code);

-- The leader who approved a late-keyed event.
ALTER TABLE dossier_event ADD COLUMN backdating_approved_by VARCHAR(100);
-- Issue 11 item 1: the signed decision behind an approval or a reasoned rejection.
ALTER TABLE dossier_event ADD COLUMN decision_number VARCHAR(60);
ALTER TABLE dossier_event ADD COLUMN decision_date DATE;
ALTER TABLE dossier_event ADD COLUMN decision_signer VARCHAR(200);

-- Data integrity list: how long after it happened each event was keyed (recorded_at - occurred_at, seconds), kept
-- when the event is written so that the list of late-keyed events is an index lookup, not a scan with arithmetic.
ALTER TABLE dossier_event ADD COLUMN keyed_late_seconds BIGINT;
UPDATE dossier_event SET keyed_late_seconds =
    CAST(EXTRACT(EPOCH FROM recorded_at) - EXTRACT(EPOCH FROM occurred_at) AS BIGINT);
CREATE INDEX dossier_event_keyed_late_idx ON dossier_event (keyed_late_seconds, occurred_at);
