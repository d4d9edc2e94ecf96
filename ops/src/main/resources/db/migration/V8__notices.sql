-- Step 4, notices as facts: the command side's index of which notices list which item, the demo clock's offset, and
-- the "notices" read model. One script for H2 (MySQL mode) and MySQL/MariaDB.

-- Command side: which notices list which item (a project, a disbursement, a grant batch, an appropriation). Written
-- in the same transaction as the notice's publication; a payment's approval reads (and locks) the rows of what it
-- pays to find the notices that may hold it, and an objection locks the row of the item it names. Rebuildable from
-- the NoticePublishedEvents.
CREATE TABLE notice_item (
    item_id   VARCHAR(80) NOT NULL,
    notice_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (item_id, notice_id)
);

-- The demo profile's clock: how far the ledger's clock is ahead of the system clock, in seconds. Only ever moves
-- forward (POST /api/demo/clock) and survives a restart; outside the demo profile it is never read.
CREATE TABLE demo_clock (
    clock_id       INTEGER     NOT NULL,
    offset_seconds BIGINT      NOT NULL,
    changed_at     DATETIME(6),
    changed_by     VARCHAR(100),
    PRIMARY KEY (clock_id)
);
INSERT INTO demo_clock (clock_id, offset_seconds, changed_at, changed_by) VALUES (1, 0, NULL, NULL);

-- group "notices": every notice with its content as published (JSON text), its SHA-256, period and correction
CREATE TABLE notice_view (
    notice_id      VARCHAR(64)  NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    notice_level   VARCHAR(16)  NOT NULL,
    place_code     VARCHAR(12)  NOT NULL,
    title          VARCHAR(500) NOT NULL,
    content_json   LONGTEXT     NOT NULL,
    content_sha256 VARCHAR(64)  NOT NULL,
    published_at   DATETIME(6)  NOT NULL,
    published_by   VARCHAR(100),
    period_ends_at DATETIME(6)  NOT NULL,
    period_ended   BOOLEAN      NOT NULL,
    supersedes     VARCHAR(64),
    superseded_by  VARCHAR(64),
    last_sequence  BIGINT       NOT NULL,
    PRIMARY KEY (notice_id)
);
CREATE INDEX idx_notice_view_place ON notice_view (notice_level, place_code, published_at);
CREATE INDEX idx_notice_view_published ON notice_view (published_at);

-- the objections to each notice and how they were handled (the objector's text for officers; never the contact)
CREATE TABLE notice_objection_view (
    objection_id   VARCHAR(64)  NOT NULL,
    notice_id      VARCHAR(64)  NOT NULL,
    item           VARCHAR(80)  NOT NULL,
    objection_text LONGTEXT     NOT NULL,
    contact_given  BOOLEAN      NOT NULL,
    received_at    DATETIME(6)  NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    reason         LONGTEXT,
    resolved_by    VARCHAR(100),
    resolved_at    DATETIME(6),
    correction_due BOOLEAN      NOT NULL,
    PRIMARY KEY (objection_id)
);
CREATE INDEX idx_notice_objection_notice ON notice_objection_view (notice_id, received_at);

-- when each appropriation was recorded: an allocation notice is due within 15 working days of it
CREATE TABLE notice_appropriation (
    appropriation_id VARCHAR(80) NOT NULL,
    fund_id          VARCHAR(64) NOT NULL,
    appropriated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (appropriation_id)
);
