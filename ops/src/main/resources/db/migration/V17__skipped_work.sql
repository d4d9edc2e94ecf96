-- group "skipped-work": the notices the automatic publisher skipped (NoticePublicationSkippedEvent), whether published
-- since, and the officers' retries (NoticePublicationRetriedEvent). A read model: built again from the events.
CREATE TABLE skipped_work (
    notice_id          VARCHAR(200)  NOT NULL,
    kind               VARCHAR(32)   NOT NULL,
    cause_event_id     VARCHAR(64),
    cause_type         VARCHAR(100),
    cause_aggregate_id VARCHAR(200),
    cause_sequence     BIGINT        NOT NULL,
    code               VARCHAR(64)   NOT NULL,
    detail             VARCHAR(1000),
    problems           VARCHAR(4000),
    skipped_at         DATETIME(6)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    retries            INTEGER       NOT NULL,
    last_retry_at      DATETIME(6),
    last_retry_by      VARCHAR(100),
    last_sequence      BIGINT        NOT NULL,
    PRIMARY KEY (notice_id)
);
CREATE INDEX idx_skipped_work_status ON skipped_work (status, skipped_at);
