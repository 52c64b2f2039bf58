-- Issue 13 §1: the citizens' public status lookup. The secret printed on the receipt slip (and carried by its
-- QR code) is kept only as the SHA-256 of the token, one row per dossier, in a table of its own (the dossier
-- row and its version are not touched). issue_count counts issues (1 = first print, more = reissued by an
-- officer); issued_by is the account that printed or reissued it. Same statements on H2 and PostgreSQL.
CREATE TABLE dossier_lookup_token (
    dossier_code VARCHAR(40)   NOT NULL PRIMARY KEY REFERENCES dossier (code),
    token_hash   VARCHAR(64)   NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by    VARCHAR(100)  NOT NULL,
    issue_count  INTEGER       NOT NULL
);
