-- Issue 14 §1: what the nightly transfer reconciliation (batch job transfer-reconciliation) found about our
-- outbound inter-agency transfers: a status mismatch with the partner, a re-send of a transfer the partner never
-- received, or a partner that could not be asked. One row per transfer and situation (fingerprint): a rerun that
-- finds the same situation counts it (seen_count, last_seen_at), never adds a row; resolved_at is set when a
-- later check finds the transfer otherwise. Same statements on H2 2.2 and PostgreSQL 15; conventions of V1
-- (instants TIMESTAMP WITH TIME ZONE, sequences by the JPA allocation size 50).
CREATE SEQUENCE reconciliation_finding_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE reconciliation_finding (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    transfer_id        BIGINT        NOT NULL REFERENCES inter_agency_transfer (id),
    transfer_uuid      VARCHAR(36)   NOT NULL,
    dossier_code       VARCHAR(40)   NOT NULL,
    partner_code       VARCHAR(60)   NOT NULL,
    kind               VARCHAR(20)   NOT NULL,
    fingerprint        VARCHAR(200)  NOT NULL,
    our_status         VARCHAR(20)   NOT NULL,
    partner_status     VARCHAR(20),
    partner_status_at  TIMESTAMP WITH TIME ZONE,
    reason             VARCHAR(1000) NOT NULL,
    first_seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_count         INTEGER       NOT NULL,
    resolved_at        TIMESTAMP WITH TIME ZONE,
    execution_id       BIGINT,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT reconciliation_finding_once UNIQUE (transfer_id, fingerprint)
);
CREATE INDEX reconciliation_finding_open_idx ON reconciliation_finding (resolved_at, last_seen_at);
-- The job's reader pages over the open outbound transfers by id.
CREATE INDEX inter_agency_transfer_open_idx ON inter_agency_transfer (side, status, id);
