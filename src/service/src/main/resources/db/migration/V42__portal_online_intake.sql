-- Issue 15 §3a: dossiers submitted online on the National Public Service Portal, pulled into the desk's queue.
-- portal_submission: one row per portal dossier id (UNIQUE: a second pull, or a pull after a crash between creating
-- our dossier and acknowledging it to the portal, creates nothing), TAKEN with our dossier code (written in the
-- transaction that creates the dossier) or NOT_TAKEN with the reason, for an administrator; acked_at once the portal
-- recorded that we took it. portal_cursor: how far the portal's list has been read (durable across restarts).
CREATE SEQUENCE portal_submission_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE portal_submission (
    id             BIGINT          NOT NULL PRIMARY KEY,
    portal_id      VARCHAR(60)     NOT NULL,
    portal_cursor  VARCHAR(40)     NOT NULL,
    procedure_code VARCHAR(60),
    unit_code      VARCHAR(60),
    applicant_name VARCHAR(300),
    submitted_at   TIMESTAMP WITH TIME ZONE,
    state          VARCHAR(20)     NOT NULL,
    dossier_code   VARCHAR(40)     REFERENCES dossier (code),
    reason_code    VARCHAR(60),
    reason         VARCHAR(1000),
    payload        VARCHAR(100000) NOT NULL,
    attempts       INTEGER         NOT NULL,
    first_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    acked_at       TIMESTAMP WITH TIME ZONE,
    ack_error      VARCHAR(1000),
    CONSTRAINT portal_submission_once UNIQUE (portal_id),
    CONSTRAINT portal_submission_dossier UNIQUE (dossier_code)
);
CREATE INDEX portal_submission_state ON portal_submission (state, id);
CREATE TABLE portal_cursor (
    list_name  VARCHAR(40) NOT NULL PRIMARY KEY,
    position_value VARCHAR(40) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
