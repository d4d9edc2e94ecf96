package cn.fupin.ledger.ops.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The days an auditor types (county calendar, {@code 2026-12-06}) as the ledger's instants, and its instants as the
 * county reads them. A day typed as the end of a range includes the whole day: it ends at the next day's start.
 */
final class AuditDays {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditDays() {
    }

    /** The day typed, or null when left blank; a day that is not one puts a message beside {@code field}. */
    static LocalDate day(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                throw new DateTimeParseException("out of range", text, 0);
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.put(field, "日期应写成 年-月-日，例如 2026-12-06（2000 至 2100 年）");
            return null;
        }
    }

    /** The instant the day starts in the county. */
    static Instant start(LocalDate day) {
        return day.atStartOfDay(CHINA).toInstant();
    }

    /** The instant the day ends in the county (the next day's start), for an inclusive end. */
    static Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(CHINA).toInstant();
    }

    /** Today in the county, by the ledger's clock. */
    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    /** An instant as the county reads it. */
    static String shown(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, CHINA).format(SHOWN);
    }
}
