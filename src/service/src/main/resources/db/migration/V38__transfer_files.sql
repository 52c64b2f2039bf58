-- Issue 15 §1: files announced by a partner in a submit-transfer message (by reference: id, name, type, size,
-- SHA-256), fetched from the sender in the background and attached to the child dossier only when size and hash
-- match. One row per announced file on the receiving side; state PENDING / RECEIVED / REFUSED with the reason.
CREATE SEQUENCE transfer_file_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE transfer_file (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    transfer_id        VARCHAR(36)   NOT NULL,
    partner_code       VARCHAR(60)   NOT NULL,
    dossier_code       VARCHAR(40)   NOT NULL REFERENCES dossier (code),
    remote_id          BIGINT        NOT NULL,
    component_position INTEGER,
    file_name          VARCHAR(1000) NOT NULL,
    media_type         VARCHAR(200),
    size_bytes         BIGINT        NOT NULL,
    sha256             VARCHAR(64)   NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    attempts           INTEGER       NOT NULL,
    next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason             VARCHAR(1000),
    dossier_file_id    BIGINT REFERENCES dossier_file (id),
    announced_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT transfer_file_once UNIQUE (transfer_id, remote_id)
);
CREATE INDEX transfer_file_due ON transfer_file (state, next_attempt_at);
CREATE INDEX transfer_file_dossier ON transfer_file (dossier_code, id);
