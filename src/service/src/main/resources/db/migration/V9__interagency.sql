-- Inter-agency processing (liên thông, domain.md §2.6) and the partner exchange (domain.md §7), version 9.
-- Runs unchanged on PostgreSQL 15 and on H2 2.2; conventions of V1: instants are TIMESTAMP WITH TIME
-- ZONE (case C12), entity sequences increment by the JPA allocation size 50 (case C22).

-- The legs of an inter-agency procedure: which agency (or kind of agency) does what, at which of the
-- procedure's internal steps, with which share of the legal time, and whether its result comes back to
-- the receiving desk (false: the sending side passes the dossier on to the next leg).
-- procedure_leg_seq starts at 100 so that ids 1-50 stay free for the rows this migration inserts.
CREATE SEQUENCE procedure_leg_seq START WITH 100 INCREMENT BY 50;
CREATE TABLE procedure_leg (
    id                    BIGINT        NOT NULL PRIMARY KEY,
    procedure_id          BIGINT        NOT NULL REFERENCES procedure (id),
    position              INTEGER       NOT NULL,
    step_position         INTEGER       NOT NULL,
    partner_agency_code   VARCHAR(60)   REFERENCES agency (code),
    partner_kind          VARCHAR(40)   NOT NULL,
    action                VARCHAR(40)   NOT NULL,
    action_name           VARCHAR(300)  NOT NULL,
    share_value           NUMERIC(9,2)  NOT NULL,
    share_unit            VARCHAR(20)   NOT NULL,
    result_to_desk        BOOLEAN       NOT NULL,
    UNIQUE (procedure_id, position)
);

-- A dossier created at a co-operating agency from an inbound transfer (child): the citizen-facing code is
-- the parent's; statistics count the parent only (inter_agency_child = TRUE is excluded).
ALTER TABLE dossier ADD COLUMN inter_agency_child BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dossier ADD COLUMN parent_code VARCHAR(40);
ALTER TABLE dossier ADD COLUMN parent_leg INTEGER;
CREATE INDEX dossier_parent_code_idx ON dossier (parent_code);

-- Registered partner systems (other installations, ministries' systems, or this installation itself
-- under another agency code): endpoint, style, where the outbound credential is kept (a reference, never
-- the secret) and the SHA-256 hash of the API key the partner presents to us (never the key itself).
CREATE TABLE partner_system (
    code                     VARCHAR(60)   NOT NULL PRIMARY KEY,
    name                     VARCHAR(300)  NOT NULL,
    endpoint_url             VARCHAR(1000) NOT NULL,
    style                    VARCHAR(10)   NOT NULL,
    outbound_credential_ref  VARCHAR(200),
    inbound_api_key_hash     VARCHAR(64)   NOT NULL UNIQUE,
    active                   BOOLEAN       NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    version                  BIGINT        NOT NULL DEFAULT 0
);
CREATE TABLE partner_system_agency (
    partner_code  VARCHAR(60)  NOT NULL REFERENCES partner_system (code),
    agency_code   VARCHAR(60)  NOT NULL,
    PRIMARY KEY (partner_code, agency_code)
);
CREATE INDEX partner_system_agency_idx ON partner_system_agency (agency_code);

-- One transfer of a dossier to a co-operating agency, seen from one side: SENDER (the parent's
-- installation) or RECEIVER (the installation holding the child). In a loopback deployment both rows
-- exist in the same database, with the same transfer_uuid.
CREATE SEQUENCE inter_agency_transfer_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE inter_agency_transfer (
    id                     BIGINT        NOT NULL PRIMARY KEY,
    transfer_uuid          VARCHAR(36)   NOT NULL,
    side                   VARCHAR(10)   NOT NULL,
    partner_code           VARCHAR(60)   NOT NULL REFERENCES partner_system (code),
    dossier_id             BIGINT        NOT NULL REFERENCES dossier (id),
    parent_code            VARCHAR(40)   NOT NULL,
    leg_position           INTEGER       NOT NULL,
    sending_agency_code    VARCHAR(60)   NOT NULL,
    receiving_agency_code  VARCHAR(60)   NOT NULL,
    receiving_agency_name  VARCHAR(300)  NOT NULL,
    action                 VARCHAR(40)   NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    transferred_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    status_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    result_at              TIMESTAMP WITH TIME ZONE,
    child_code             VARCHAR(40),
    result_summary         VARCHAR(4000),
    rejection_reason       VARCHAR(4000),
    ignored_updates        INTEGER       NOT NULL,
    next_out_seq           INTEGER       NOT NULL,
    version                BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (transfer_uuid, side)
);
CREATE INDEX inter_agency_transfer_dossier_idx ON inter_agency_transfer (dossier_id);

-- Transactional outbox: written in the transaction of the dossier change, sent later (at least once) in
-- per-transfer sequence order; after the configured number of failures DEAD (dead-letter list).
CREATE SEQUENCE outbox_message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE outbox_message (
    id               BIGINT        NOT NULL PRIMARY KEY,
    message_id       VARCHAR(36)   NOT NULL UNIQUE,
    partner_code     VARCHAR(60)   NOT NULL REFERENCES partner_system (code),
    transfer_id      BIGINT        NOT NULL REFERENCES inter_agency_transfer (id),
    operation        VARCHAR(30)   NOT NULL,
    payload          VARCHAR(1000000) NOT NULL,
    seq              INTEGER       NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(4000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    version          BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (transfer_id, seq)
);
CREATE INDEX outbox_message_due_idx ON outbox_message (status, next_attempt_at);

-- Every inbound message applied, with its outcome, for idempotent replay: (partner, message id) once.
CREATE SEQUENCE inbound_message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE inbound_message (
    id              BIGINT        NOT NULL PRIMARY KEY,
    partner_code    VARCHAR(60)   NOT NULL REFERENCES partner_system (code),
    message_id      VARCHAR(100)  NOT NULL,
    xroad_client    VARCHAR(300)  NOT NULL,
    xroad_service   VARCHAR(300)  NOT NULL,
    xroad_user_id   VARCHAR(100)  NOT NULL,
    operation       VARCHAR(30)   NOT NULL,
    payload         VARCHAR(1000000) NOT NULL,
    payload_sha256  VARCHAR(64)   NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome_status  VARCHAR(30)   NOT NULL,
    outcome_body    VARCHAR(1000000) NOT NULL,
    UNIQUE (partner_code, message_id)
);

-- Exchange log: one entry per inbound and outbound message, chained by SHA-256 (HashChain); the head row
-- is updated under its row lock by every append, so entries are numbered 1, 2, 3, … without gaps.
CREATE TABLE exchange_log (
    seq             BIGINT        NOT NULL PRIMARY KEY,
    logged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    direction       VARCHAR(3)    NOT NULL,
    partner_code    VARCHAR(60)   NOT NULL,
    message_id      VARCHAR(100)  NOT NULL,
    operation       VARCHAR(30)   NOT NULL,
    dossier_code    VARCHAR(40)   NOT NULL,
    payload_sha256  VARCHAR(64)   NOT NULL,
    previous_hash   VARCHAR(64)   NOT NULL,
    entry_hash      VARCHAR(64)   NOT NULL
);
CREATE INDEX exchange_log_dossier_idx ON exchange_log (dossier_code);
CREATE TABLE exchange_log_head (
    id         INTEGER      NOT NULL PRIMARY KEY,
    last_seq   BIGINT       NOT NULL,
    last_hash  VARCHAR(64)  NOT NULL
);
INSERT INTO exchange_log_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Legs of first land registration H50-L006 (process_steps.csv, domain.md §2.6): step 3 at a land
-- registration branch (8 working days; its result goes on to tax, not back to the desk), step 4 at the
-- tax authority (3 working days, Lai Châu Decision 88/2025/QĐ-UBND; result back to the commune desk).
-- The branches (Chi nhánh Văn phòng đăng ký đất đai) are not in agencies.csv yet, so leg 1 names only the
-- kind of agency and the officer picks the branch when transferring.
INSERT INTO procedure_leg (id, procedure_id, position, step_position, partner_agency_code, partner_kind, action,
                           action_name, share_value, share_unit, result_to_desk)
SELECT 1, p.id, 1, 3, NULL, 'LAND_REGISTRATION_OFFICE', 'CADASTRAL_UPDATE',
       'Kiểm tra, cập nhật hồ sơ địa chính; chuyển thông tin địa chính sang cơ quan thuế', 8, 'WORKING_DAY', FALSE
  FROM procedure p WHERE p.code = 'H50-L006';
INSERT INTO procedure_leg (id, procedure_id, position, step_position, partner_agency_code, partner_kind, action,
                           action_name, share_value, share_unit, result_to_desk)
SELECT 2, p.id, 2, 4, 'QT25.THUE', 'TAX_AUTHORITY', 'FINANCIAL_OBLIGATION',
       'Xác định nghĩa vụ tài chính', 3, 'WORKING_DAY', TRUE
  FROM procedure p WHERE p.code = 'H50-L006';
