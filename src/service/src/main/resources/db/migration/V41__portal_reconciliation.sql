-- Issue 15 §4: the differences the nightly job portal-reconciliation finds between a dossier and the National Public
-- Service Portal's copy of it (kind: NOT_ON_PORTAL, STATUS, APPOINTMENT, NEW_APPOINTMENT, COMPLETION, RETURN,
-- RESULT_NUMBER, RESULT_FILE; ours / portal_value as sent, yyyyMMddHHmmss for moments). A run that checks a dossier
-- replaces its open rows: the same difference found again keeps its row (found_at, run_id updated), one no longer
-- found is resolved. run_id is the batch execution id.
CREATE SEQUENCE portal_difference_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE portal_difference (
    id             BIGINT        NOT NULL PRIMARY KEY,
    dossier_code   VARCHAR(40)   NOT NULL REFERENCES dossier (code),
    kind           VARCHAR(30)   NOT NULL,
    ours           VARCHAR(1000),
    portal_value   VARCHAR(1000),
    first_found_at TIMESTAMP WITH TIME ZONE NOT NULL,
    found_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    run_id         BIGINT,
    resolved       BOOLEAN       NOT NULL,
    resolved_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX portal_difference_open ON portal_difference (resolved, dossier_code);
