-- Issue 12 §1: bearer tokens of the API. A sign-in at POST /api/v1/auth/token opens a token session: the
-- short-lived access tokens (signed JWTs, never stored) carry its id, and its refresh token is kept only as a
-- SHA-256 (the previous one too, so that a replayed refresh token is recognised and ends the session).
-- security_stamp and credentials are the account's state at sign-in: a refresh after a lock, a change of roles
-- or unit, or a new password is refused and ends the session. Same statements on H2 and PostgreSQL.
CREATE TABLE api_token_session (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    username              VARCHAR(100)  NOT NULL,
    refresh_hash          VARCHAR(64)   NOT NULL,
    previous_refresh_hash VARCHAR(64),
    security_stamp        BIGINT        NOT NULL,
    credentials           VARCHAR(64)   NOT NULL,
    client_address        VARCHAR(64),
    issued_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    refreshed_at          TIMESTAMP WITH TIME ZONE,
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at            TIMESTAMP WITH TIME ZONE,
    revoked_reason        VARCHAR(40),
    CONSTRAINT uq_api_token_refresh UNIQUE (refresh_hash)
);
CREATE INDEX ix_api_token_session_user ON api_token_session (username);
CREATE INDEX ix_api_token_session_previous ON api_token_session (previous_refresh_hash);
