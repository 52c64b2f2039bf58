-- motcua schema, version 1. Runs unchanged on PostgreSQL 15 and on H2 2.2 (Payara's embedded database).
-- Instants are TIMESTAMP WITH TIME ZONE (case C12); entity sequences increment by the JPA allocation
-- size of 50 and start at 50, as EclipseLink's preallocation expects (case C22).

CREATE TABLE agency (
    code                   VARCHAR(60)   NOT NULL PRIMARY KEY,
    name                   VARCHAR(300)  NOT NULL,
    kind                   VARCHAR(20)   NOT NULL,
    level                  VARCHAR(20)   NOT NULL,
    parent_code            VARCHAR(60)   REFERENCES agency (code),
    edoc_code              VARCHAR(20)   UNIQUE,
    edoc_code_placeholder  BOOLEAN       NOT NULL,
    gso_code               VARCHAR(10),
    valid_from             DATE,
    valid_to               DATE,
    successor_code         VARCHAR(60)   REFERENCES agency (code),
    receives_dossiers      BOOLEAN       NOT NULL,
    data_status            VARCHAR(60),
    notes                  VARCHAR(4000),
    version                BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX agency_parent_idx ON agency (parent_code);

CREATE SEQUENCE procedure_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE procedure (
    id                              BIGINT        NOT NULL PRIMARY KEY,
    code                            VARCHAR(40)   NOT NULL UNIQUE,
    local_code                      BOOLEAN       NOT NULL,
    name                            VARCHAR(2000) NOT NULL,
    name_search                     VARCHAR(2000) NOT NULL,
    field                           VARCHAR(300),
    levels                          VARCHAR(100),
    agency_type                     VARCHAR(300),
    time_limit_value                NUMERIC(9,2),
    time_limit_unit                 VARCHAR(20),
    fee_vnd                         BIGINT,
    interagency                     BOOLEAN,
    pause_for_financial_obligation  BOOLEAN       NOT NULL,
    legal_basis                     VARCHAR(1000),
    source                          VARCHAR(1000),
    confidence                      VARCHAR(300),
    reviewed                        BOOLEAN       NOT NULL,
    notes                           VARCHAR(4000),
    revision                        INTEGER       NOT NULL,
    version                         BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX procedure_field_idx ON procedure (field);

CREATE SEQUENCE procedure_document_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE procedure_document (
    id             BIGINT        NOT NULL PRIMARY KEY,
    procedure_id   BIGINT        NOT NULL REFERENCES procedure (id),
    position       INTEGER       NOT NULL,
    name           VARCHAR(1000) NOT NULL,
    document_form  VARCHAR(20)   NOT NULL,
    quantity       INTEGER       NOT NULL,
    UNIQUE (procedure_id, position)
);

CREATE SEQUENCE process_step_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE process_step (
    id                BIGINT        NOT NULL PRIMARY KEY,
    procedure_id      BIGINT        NOT NULL REFERENCES procedure (id),
    position          INTEGER       NOT NULL,
    name              VARCHAR(300)  NOT NULL,
    role              VARCHAR(20)   NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    responsible_unit  VARCHAR(300),
    allot_value       NUMERIC(9,2)  NOT NULL,
    allot_unit        VARCHAR(20)   NOT NULL,
    UNIQUE (procedure_id, position)
);

CREATE TABLE calendar_day (
    calendar_date  DATE          NOT NULL PRIMARY KEY,
    working_day    BOOLEAN       NOT NULL,
    kind           VARCHAR(30)   NOT NULL,
    name           VARCHAR(300)  NOT NULL,
    confidence     VARCHAR(30),
    source         VARCHAR(500)
);

-- Daily dossier-code sequence per receiving unit (Circular 01/2018/TT-VPCP art. 19): one row per
-- (unit, date), incremented under a row lock in the receiving transaction.
CREATE TABLE dossier_code_sequence (
    unit_edoc_code  VARCHAR(20)  NOT NULL,
    code_date       DATE         NOT NULL,
    last_number     INTEGER      NOT NULL,
    PRIMARY KEY (unit_edoc_code, code_date)
);

CREATE SEQUENCE dossier_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE dossier (
    id                              BIGINT        NOT NULL PRIMARY KEY,
    code                            VARCHAR(40)   NOT NULL UNIQUE,
    regime                          VARCHAR(30)   NOT NULL,
    procedure_id                    BIGINT        NOT NULL REFERENCES procedure (id),
    procedure_code                  VARCHAR(40)   NOT NULL,
    procedure_name                  VARCHAR(2000) NOT NULL,
    procedure_revision              INTEGER       NOT NULL,
    procedure_field                 VARCHAR(300),
    time_limit_value                NUMERIC(9,2),
    time_limit_unit                 VARCHAR(20),
    fee_vnd                         BIGINT,
    pause_for_financial_obligation  BOOLEAN       NOT NULL,
    receiving_agency_code           VARCHAR(60)   NOT NULL REFERENCES agency (code),
    channel                         VARCHAR(10)   NOT NULL,
    applicant_kind                  VARCHAR(20)   NOT NULL,
    applicant_name                  VARCHAR(300)  NOT NULL,
    applicant_name_search           VARCHAR(300)  NOT NULL,
    applicant_id_number             VARCHAR(30),
    applicant_phone                 VARCHAR(30),
    applicant_email                 VARCHAR(200),
    applicant_address               VARCHAR(500),
    submitted_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at                     TIMESTAMP WITH TIME ZONE,
    clock_started_at                TIMESTAMP WITH TIME ZONE,
    due_at                          TIMESTAMP WITH TIME ZONE,
    paused_at                       TIMESTAMP WITH TIME ZONE,
    completed_at                    TIMESTAMP WITH TIME ZONE,
    returned_at                     TIMESTAMP WITH TIME ZONE,
    status                          VARCHAR(40)   NOT NULL,
    current_step                    INTEGER,
    supplement_count                INTEGER       NOT NULL,
    timeliness                      VARCHAR(10),
    returned_to                     VARCHAR(300),
    return_method                   VARCHAR(20),
    version                         BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX dossier_status_idx ON dossier (status);
CREATE INDEX dossier_agency_idx ON dossier (receiving_agency_code);
CREATE INDEX dossier_due_idx ON dossier (due_at);

CREATE SEQUENCE dossier_document_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE dossier_document (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    dossier_id         BIGINT        NOT NULL REFERENCES dossier (id),
    position           INTEGER       NOT NULL,
    required_position  INTEGER,
    name               VARCHAR(1000) NOT NULL,
    document_form      VARCHAR(20)   NOT NULL,
    quantity           INTEGER       NOT NULL,
    UNIQUE (dossier_id, position)
);

CREATE SEQUENCE dossier_step_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE dossier_step (
    id                BIGINT        NOT NULL PRIMARY KEY,
    dossier_id        BIGINT        NOT NULL REFERENCES dossier (id),
    position          INTEGER       NOT NULL,
    name              VARCHAR(300)  NOT NULL,
    role              VARCHAR(20)   NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    responsible_unit  VARCHAR(300),
    allotted_minutes  BIGINT        NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    due_at            TIMESTAMP WITH TIME ZONE,
    completed_at      TIMESTAMP WITH TIME ZONE,
    handler           VARCHAR(100),
    completed_by      VARCHAR(100),
    timeliness        VARCHAR(10),
    note              VARCHAR(4000),
    UNIQUE (dossier_id, position)
);

CREATE SEQUENCE dossier_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE dossier_event (
    id             BIGINT        NOT NULL PRIMARY KEY,
    dossier_id     BIGINT        NOT NULL REFERENCES dossier (id),
    seq            INTEGER       NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(100)  NOT NULL,
    action         VARCHAR(40)   NOT NULL,
    from_status    VARCHAR(40),
    to_status      VARCHAR(40)   NOT NULL,
    step_position  INTEGER,
    reason         VARCHAR(4000),
    UNIQUE (dossier_id, seq)
);
