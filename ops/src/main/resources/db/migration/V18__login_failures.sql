-- Failed logins (ledger.security.lockout, docs/operations.md "Logins"): for each user name and each remote address
-- that failed lately, the failures in its current window and the end of its lock. In the database so that every node
-- of the ledger counts the same failures and honours the same locks. No password, and nothing else a client sent but
-- the user name of a configured user and the address, is stored; rows whose window and lock have both ended are
-- deleted as later failures come.
CREATE TABLE login_failures (
    subject_key       CHAR(64)     NOT NULL,
    subject_kind      VARCHAR(16)  NOT NULL,
    subject           VARCHAR(100),
    failures          INTEGER      NOT NULL,
    window_started_at DATETIME(6)  NOT NULL,
    locked_until      DATETIME(6),
    last_failed_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (subject_key)
);
CREATE INDEX idx_login_failures_window ON login_failures (window_started_at);
