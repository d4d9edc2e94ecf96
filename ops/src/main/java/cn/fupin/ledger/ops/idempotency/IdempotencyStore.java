package cn.fupin.ledger.ops.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The idempotency records: for one user and key, the request's keyed hash and the first successful answer. */
@Component
class IdempotencyStore {

    /** {@code position}: the Ledger-Position the answer named, or null. */
    record Record(String requestHash, int statusCode, String contentType, byte[] body, Long position) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Record> find(String user, String key) {
        List<Record> found = jdbc.query(
                "SELECT request_hash, status_code, content_type, response_body, ledger_position FROM idempotency_record"
                        + " WHERE user_name = ? AND idempotency_key = ?",
                (rs, row) -> new Record(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4),
                        rs.getObject(5, Long.class)),
                user, key);
        return found.stream().findFirst();
    }

    /** Claims the key; a second claim of the same key fails on the primary key, even from another node. */
    void claim(String user, String key, String requestHash) {
        jdbc.update("INSERT INTO idempotency_record (user_name, idempotency_key, request_hash, status_code, created_at)"
                + " VALUES (?, ?, ?, 0, ?)", user, key, requestHash, Timestamp.from(clock.instant()));
    }

    void complete(String user, String key, int statusCode, String contentType, byte[] body, Long position) {
        jdbc.update("UPDATE idempotency_record SET status_code = ?, content_type = ?, response_body = ?,"
                + " ledger_position = ? WHERE user_name = ? AND idempotency_key = ?", statusCode, contentType, body,
                position, user, key);
    }
}
