-- Issue 15 §1: the electronic files of a dossier. dossier_file describes each file (name exactly as given, media
-- type detected from the bytes, size, SHA-256, PDF pages, source and the Decision 766 flags digitised / reused,
-- the digital signature of a PDF as read at attachment (issue 15 §2: status, signer, time, why), the number, date
-- and signer of a result document, who attached it and when, and a withdrawal with who, when and why: files are never changed or deleted).
-- dossier_file_content keeps the bytes when the database store is configured (the default); with the directory
-- store the key points to a file on disk instead. Same statements on H2 and PostgreSQL (BYTEA is an H2 alias of
-- BINARY VARYING).
CREATE SEQUENCE dossier_file_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE dossier_file (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    dossier_code       VARCHAR(40)   NOT NULL REFERENCES dossier (code),
    component_position INTEGER,
    purpose            VARCHAR(20)   NOT NULL,
    file_name          VARCHAR(1000) NOT NULL,
    media_type         VARCHAR(200)  NOT NULL,
    size_bytes         BIGINT        NOT NULL,
    sha256             VARCHAR(64)   NOT NULL,
    pages              INTEGER,
    source             VARCHAR(30)   NOT NULL,
    digitised          BOOLEAN       NOT NULL,
    reused             BOOLEAN       NOT NULL,
    signature_status   VARCHAR(20)   NOT NULL,
    signature_count    INTEGER       NOT NULL,
    signature_signer   VARCHAR(500),
    signature_signed_at TIMESTAMP WITH TIME ZONE,
    signature_detail   VARCHAR(1000),
    document_number    VARCHAR(100),
    document_date      DATE,
    document_signer    VARCHAR(300),
    storage_key        VARCHAR(200)  NOT NULL UNIQUE,
    attached_by        VARCHAR(100)  NOT NULL,
    attached_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_by       VARCHAR(100),
    withdrawn_at       TIMESTAMP WITH TIME ZONE,
    withdrawn_reason   VARCHAR(4000)
);
CREATE INDEX dossier_file_dossier ON dossier_file (dossier_code, id);
CREATE TABLE dossier_file_content (
    storage_key VARCHAR(200) NOT NULL PRIMARY KEY,
    content     BYTEA        NOT NULL
);
