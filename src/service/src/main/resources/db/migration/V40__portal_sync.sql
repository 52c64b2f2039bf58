-- Issue 15 §3: the durable outbox of the synchronisation with the National Public Service Portal. One row per event
-- of a dossier (children of inter-agency transfers excepted), numbered per dossier (sequence_no, the portal's
-- SoThuTu), written in the dossier's transaction and sent in that order afterwards. PENDING rows wait for their
-- (next) attempt; a REJECTED row (the portal refused it, last_error holds why) holds back its dossier's later rows
-- until an administrator re-sends it (payload rebuilt) or discards it (decided_by, decision_reason).
CREATE SEQUENCE portal_message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE portal_message (
    id              BIGINT           NOT NULL PRIMARY KEY,
    dossier_code    VARCHAR(40)      NOT NULL REFERENCES dossier (code),
    sequence_no     INTEGER          NOT NULL,
    event_seq       INTEGER          NOT NULL,
    event_action    VARCHAR(40)      NOT NULL,
    event_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    payload         VARCHAR(1000000) NOT NULL,
    state           VARCHAR(20)      NOT NULL,
    attempts        INTEGER          NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    rejected_at     TIMESTAMP WITH TIME ZONE,
    decided_by      VARCHAR(100),
    decision_reason VARCHAR(1000),
    CONSTRAINT portal_message_once UNIQUE (dossier_code, sequence_no)
);
CREATE INDEX portal_message_open ON portal_message (state, next_attempt_at);
