-- Read models of step 3 (money out): payments on funds and projects, disbursements, household grants, grant
-- coverage and the double-entry journal. Each table belongs to one processing group and is rebuilt by replaying that
-- group alone. One script for H2 (MySQL mode) and MySQL/MariaDB.

-- group "projects": what is asked for and what was paid, and payment steps (PAYMENT_REQUESTED is 17 characters)
ALTER TABLE project_view ADD COLUMN pending_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE project_view ADD COLUMN paid_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE project_step MODIFY COLUMN step VARCHAR(32) NOT NULL;

-- group "disbursements"
CREATE TABLE disbursement_view (
    disbursement_id VARCHAR(64)  NOT NULL,
    project_id      VARCHAR(64)  NOT NULL,
    payee_kind      VARCHAR(16)  NOT NULL,
    village_code    VARCHAR(12),
    township_code   VARCHAR(9),
    card_no         VARCHAR(32),
    amount_fen      BIGINT       NOT NULL,
    voucher_no      VARCHAR(200),
    batch_id        VARCHAR(64),
    status          VARCHAR(16)  NOT NULL,
    requested_by    VARCHAR(100),
    requested_at    DATETIME(6)  NOT NULL,
    decided_by      VARCHAR(100),
    decided_at      DATETIME(6),
    reversed_by     VARCHAR(100),
    reversed_at     DATETIME(6),
    reason          LONGTEXT,
    PRIMARY KEY (disbursement_id)
);
CREATE INDEX idx_disbursement_view_requested ON disbursement_view (requested_at, disbursement_id);
CREATE INDEX idx_disbursement_view_project ON disbursement_view (project_id, requested_at);
CREATE INDEX idx_disbursement_view_village ON disbursement_view (village_code, requested_at);
CREATE INDEX idx_disbursement_view_card ON disbursement_view (card_no, requested_at);
CREATE INDEX idx_disbursement_view_status ON disbursement_view (status, requested_at);

CREATE TABLE disbursement_fund_line (
    line_id         VARCHAR(80) NOT NULL,
    disbursement_id VARCHAR(64) NOT NULL,
    line_no         INTEGER     NOT NULL,
    fund_id         VARCHAR(64) NOT NULL,
    amount_fen      BIGINT      NOT NULL,
    PRIMARY KEY (line_id)
);
CREATE INDEX idx_disbursement_fund_line_disbursement ON disbursement_fund_line (disbursement_id, line_no);

-- the head names of households by card number, for showing them masked (张*明)
CREATE TABLE disbursement_payee_name (
    card_no   VARCHAR(32) NOT NULL,
    head_name VARCHAR(50) NOT NULL,
    PRIMARY KEY (card_no)
);

-- group "households": the start-up grants of each household
CREATE TABLE household_grant (
    disbursement_id VARCHAR(64) NOT NULL,
    card_no         VARCHAR(32) NOT NULL,
    project_id      VARCHAR(64) NOT NULL,
    amount_fen      BIGINT      NOT NULL,
    status          VARCHAR(16) NOT NULL,
    requested_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (disbursement_id)
);
CREATE INDEX idx_household_grant_card ON household_grant (card_no, requested_at);

-- group "coverage"
CREATE TABLE coverage_household (
    card_no       VARCHAR(32) NOT NULL,
    village_code  VARCHAR(12) NOT NULL,
    township_code VARCHAR(9)  NOT NULL,
    registered    BOOLEAN     NOT NULL,
    last_sequence BIGINT      NOT NULL,
    PRIMARY KEY (card_no)
);
CREATE INDEX idx_coverage_household_township ON coverage_household (township_code, registered);
CREATE INDEX idx_coverage_household_village ON coverage_household (village_code, registered);

CREATE TABLE coverage_grant (
    disbursement_id VARCHAR(64) NOT NULL,
    card_no         VARCHAR(32) NOT NULL,
    amount_fen      BIGINT      NOT NULL,
    reversed        BOOLEAN     NOT NULL,
    PRIMARY KEY (disbursement_id)
);
CREATE INDEX idx_coverage_grant_card ON coverage_grant (card_no, reversed);

-- group "journal": one row per posting line; an event's identifier and line number are unique, so a replay posts
-- nothing twice. Balances are sums over (account, posted_at).
CREATE TABLE journal_posting (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    event_id     VARCHAR(255) NOT NULL,
    line_no      INTEGER      NOT NULL,
    account      VARCHAR(120) NOT NULL,
    amount_fen   BIGINT       NOT NULL,
    posted_at    DATETIME(6)  NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    reference    VARCHAR(500),
    global_index BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uk_journal_posting_event_line UNIQUE (event_id, line_no)
);
CREATE INDEX idx_journal_posting_account ON journal_posting (account, posted_at);
CREATE INDEX idx_journal_posting_posted ON journal_posting (posted_at, account);
