-- Account administration (issue 9 items 4 and 5). Runs unchanged on PostgreSQL 15 and on H2 2.2.
-- security_stamp: increased whenever an account is locked or its roles or unit change. A screen session
-- keeps the stamp it signed in with; the authentication mechanism ends the session at the next request
-- when the account's stamp moved on (web.security.MotcuaAuthenticationMechanism, SessionStamps).
-- Account changes are audited in admin_audit (V7) with area ACCOUNT.
ALTER TABLE user_account ADD COLUMN security_stamp BIGINT DEFAULT 0 NOT NULL;
