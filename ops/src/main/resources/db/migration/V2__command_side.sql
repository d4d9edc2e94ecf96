-- Command-side tables written in the same transaction as events.

-- Idempotency-Key records: the first successful answer to (user, key), replayed for a repeat of the same request.
-- request_hash is an HMAC of method, path, content type and body (never the body itself: it may hold personal data).
CREATE TABLE idempotency_record (
    user_name      VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash   VARCHAR(64)  NOT NULL,
    status_code    INTEGER      NOT NULL,
    content_type   VARCHAR(200),
    response_body  LONGBLOB,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (user_name, idempotency_key)
);

-- Keyed fingerprints (HMAC-SHA256) of every registered ID number and bank card, with the household holding each.
CREATE TABLE personal_data_index (
    fingerprint VARCHAR(64) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    card_no     VARCHAR(32) NOT NULL,
    PRIMARY KEY (fingerprint)
);
