-- Administration of agencies, the procedure catalogue and the holiday calendar (version 7).
-- Runs unchanged on PostgreSQL 15 and on H2 2.2; conventions of V1: instants are TIMESTAMP WITH TIME
-- ZONE (case C12), entity sequences start at 50 and increment by the JPA allocation size 50 (case C22).

-- Every administrative change: who, when (server clock), what (area, action, subject), why, and a
-- short before/after summary. Append-only.
CREATE SEQUENCE admin_audit_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE admin_audit (
    id           BIGINT        NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    area         VARCHAR(20)   NOT NULL,
    action       VARCHAR(40)   NOT NULL,
    subject      VARCHAR(100)  NOT NULL,
    reason       VARCHAR(4000) NOT NULL,
    details      VARCHAR(4000)
);
CREATE INDEX admin_audit_time_idx ON admin_audit (occurred_at);
CREATE INDEX admin_audit_subject_idx ON admin_audit (area, subject);

-- Former names of an agency: the name it carried up to and including valid_to (a rename takes effect
-- on valid_to + 1). Dossiers reference their receiving agency by code, so the name shown for a dossier
-- is the one in force on its receipt date (Agency.nameOn).
CREATE SEQUENCE agency_former_name_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE agency_former_name (
    id           BIGINT        NOT NULL PRIMARY KEY,
    agency_code  VARCHAR(60)   NOT NULL REFERENCES agency (code),
    name         VARCHAR(300)  NOT NULL,
    valid_to     DATE          NOT NULL,
    UNIQUE (agency_code, valid_to)
);

-- A required document may be conditional ("nếu có", only in a stated situation); the completeness check
-- at intake does not demand a conditional document.
ALTER TABLE procedure_document ADD COLUMN required BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE procedure_document ADD COLUMN condition_note VARCHAR(1000);
