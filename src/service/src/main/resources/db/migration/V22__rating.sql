-- Issue 13 §2: citizens' satisfaction ratings (Decree 61/2018/NĐ-CP art. 32–33; docs/domain.md §2.13).
-- One rating per dossier (unique dossier_code), tied to its receiving unit and procedure (code, name, revision as
-- the dossier's snapshot had them) and to the officers who handled it (rating_officer); the raw answer per
-- criterion (rating_answer). Nothing about the rater. rated_at = business time, recorded_at = when stored.
-- Same statements on H2 and PostgreSQL.
CREATE SEQUENCE rating_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE rating (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    dossier_code       VARCHAR(40)   NOT NULL REFERENCES dossier (code),
    agency_code        VARCHAR(60)   NOT NULL REFERENCES agency (code),
    agency_name        VARCHAR(300)  NOT NULL,
    procedure_code     VARCHAR(40)   NOT NULL,
    procedure_name     VARCHAR(2000) NOT NULL,
    procedure_revision INTEGER       NOT NULL,
    channel            VARCHAR(20)   NOT NULL,
    rated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    comment_text       VARCHAR(1000),
    CONSTRAINT rating_one_per_dossier UNIQUE (dossier_code),
    CONSTRAINT rating_channel_known CHECK (channel IN ('PUBLIC_LINK', 'KIOSK'))
);
CREATE INDEX rating_rated_at ON rating (rated_at);
CREATE INDEX rating_agency ON rating (agency_code, rated_at);

CREATE TABLE rating_answer (
    rating_id    BIGINT      NOT NULL REFERENCES rating (id),
    criterion    VARCHAR(30) NOT NULL,
    answer_level VARCHAR(20) NOT NULL,
    PRIMARY KEY (rating_id, criterion)
);

CREATE TABLE rating_officer (
    rating_id BIGINT       NOT NULL REFERENCES rating (id),
    username  VARCHAR(100) NOT NULL,
    PRIMARY KEY (rating_id, username)
);
CREATE INDEX rating_officer_username ON rating_officer (username);
