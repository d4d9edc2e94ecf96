-- The auditors' event history (GET /api/audit/events): an index of the event store by what its filters ask, kept by
-- the processing group "audit-subjects" in the order of the event store. The events themselves are read from
-- domain_event_entry by global index; these tables hold only what a filter needs, so that no filter scans the store.
-- (Numbered 15.1: V15 was taken by the fund-id migration when this step was planned as "V15".)
-- Ledger time is kept as nanoseconds since the epoch (UTC), exact on every database: a DATETIME(6) written through
-- mysql-connector-j to MariaDB lost its fraction of a second, so a range filter missed events in its last second.

-- group "audit-subjects": one row per event
CREATE TABLE audit_event (
    global_index    BIGINT       NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    type            VARCHAR(255) NOT NULL,
    aggregate_type  VARCHAR(255),
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    timestamp_nanos BIGINT       NOT NULL,
    actor           VARCHAR(255),
    role            VARCHAR(64),
    request_id      VARCHAR(255),
    PRIMARY KEY (global_index)
);
CREATE INDEX idx_audit_event_actor ON audit_event (actor, global_index);
CREATE INDEX idx_audit_event_role ON audit_event (role, global_index);
CREATE INDEX idx_audit_event_type ON audit_event (type, global_index);
CREATE INDEX idx_audit_event_request ON audit_event (request_id, global_index);
CREATE INDEX idx_audit_event_time ON audit_event (timestamp_nanos, global_index);

-- group "audit-subjects": one row per subject an event names (its payload's ids and its own stream)
CREATE TABLE audit_subject (
    subject      VARCHAR(255) NOT NULL,
    global_index BIGINT       NOT NULL,
    PRIMARY KEY (subject, global_index)
);
CREATE INDEX idx_audit_subject_event ON audit_subject (global_index);
