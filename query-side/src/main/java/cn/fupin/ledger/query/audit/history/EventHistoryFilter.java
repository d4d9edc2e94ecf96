package cn.fupin.ledger.query.audit.history;

import cn.fupin.ledger.shared.common.Refusal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What an auditor asks of the event history, validated: each filter is optional (null), an event must match all
 * given. {@code from} is inclusive and {@code to} exclusive, in ledger time (the events' timestamps); {@code after} is
 * the keyset cursor, a global index not itself shown ("older than" it with {@code newest}, "newer than" it with
 * {@code oldest}); {@code size} is the most events shown, null for all (only a CSV without paging asks for all).
 */
public record EventHistoryFilter(String subject, String actor, String role, String type, Instant from, Instant to,
                          String requestId, boolean newestFirst, Long after, Integer size) {

    /** Events on a page when no size is asked for (JSON). */
    static final int SIZE_DEFAULT = 100;
    /** The most events on a page. */
    public static final int SIZE_MAX = 1_000;
    /** The longest text a filter takes: the index's columns are no wider. */
    static final int TEXT_LENGTH_MAX = 255;

    /**
     * The filter from the request's parameters, or a {@link Refusal} (422) with a stable code naming the first bad
     * one. {@code paged} is false only for a CSV that asked for no size: then every matching event is streamed.
     */
    public static EventHistoryFilter parse(String subject, String actor, String role, String type, String from, String to,
                                    String requestId, String order, String after, String size, boolean csv) {
        Instant fromInstant = instant(from, "from", "INVALID_FROM");
        Instant toInstant = instant(to, "to", "INVALID_TO");
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw Refusal.invalidField("INVALID_TIME_RANGE", "to", "to must be later than from");
        }
        boolean newest = switch (blank(order) ? "newest" : order.strip()) {
            case "newest" -> true;
            case "oldest" -> false;
            default -> throw Refusal.invalidField("INVALID_ORDER", "order", "order is newest or oldest");
        };
        Long afterIndex = null;
        if (!blank(after)) {
            try {
                afterIndex = Long.parseLong(after.strip());
            } catch (NumberFormatException e) {
                afterIndex = -1L;
            }
            if (afterIndex < 0) {
                throw Refusal.invalidField("INVALID_AFTER", "after", "after is a global index (a whole number, 0 or more)");
            }
        }
        Integer pageSize = csv && blank(size) ? null : SIZE_DEFAULT;
        if (!blank(size)) {
            try {
                pageSize = Integer.parseInt(size.strip());
            } catch (NumberFormatException e) {
                pageSize = 0;
            }
            if (pageSize < 1 || pageSize > SIZE_MAX) {
                throw Refusal.invalidField("INVALID_SIZE", "size", "size is a whole number from 1 to " + SIZE_MAX);
            }
        }
        return new EventHistoryFilter(text(subject, "subject", "INVALID_SUBJECT"),
                text(actor, "actor", "INVALID_ACTOR"), text(role, "role", "INVALID_ROLE"),
                text(type, "type", "INVALID_TYPE"), fromInstant, toInstant,
                text(requestId, "requestId", "INVALID_REQUEST_ID"), newest, afterIndex, pageSize);
    }

    /** The order as asked: {@code newest} or {@code oldest}. */
    public String order() {
        return newestFirst ? "newest" : "oldest";
    }

    private static Instant instant(String value, String field, String code) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalidField(code, field, field + " is an ISO-8601 instant, e.g. 2016-04-12T02:30:00Z");
        }
    }

    private static String text(String value, String field, String code) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > TEXT_LENGTH_MAX || text.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalidField(code, field, field + " is at most " + TEXT_LENGTH_MAX
                    + " characters without control characters");
        }
        return text;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
