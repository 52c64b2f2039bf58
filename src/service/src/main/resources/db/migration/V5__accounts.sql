-- Back-office accounts and roles (issue 3). Passwords are PBKDF2 hashes in the format of Jakarta
-- Security's Pbkdf2PasswordHash; the server's DatabaseIdentityStore reads these two tables.
CREATE SEQUENCE user_account_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE user_account (
    id             BIGINT        NOT NULL PRIMARY KEY,
    username       VARCHAR(60)   NOT NULL UNIQUE,
    full_name      VARCHAR(200)  NOT NULL,
    password_hash  VARCHAR(400)  NOT NULL,
    agency_code    VARCHAR(60)   NOT NULL REFERENCES agency (code),
    active         BOOLEAN       NOT NULL,
    email          VARCHAR(200),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX user_account_agency_idx ON user_account (agency_code);

CREATE TABLE user_account_role (
    account_id  BIGINT       NOT NULL REFERENCES user_account (id),
    role        VARCHAR(30)  NOT NULL,
    PRIMARY KEY (account_id, role)
);
