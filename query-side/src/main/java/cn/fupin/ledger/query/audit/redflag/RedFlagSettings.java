package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.shared.disclosure.WorkingCalendar;
import java.time.ZoneId;

/**
 * The thresholds of the red-flag rules, from configuration ({@code ledger.audit.*}), so that a county can set them to
 * its own approval limits; the defaults follow the audits' findings (AUDIT-FINDINGS.md: small amounts matter, so the
 * thresholds are low).
 *
 * @param idleDaysMedium           days after which appropriated money neither reserved nor paid is idle (365)
 * @param idleDaysHigh             days after which it is idle for long (730)
 * @param splitThresholdFen        the approval threshold that split payments stay under, in fen (1,000,000 = 1万元)
 * @param splitMarginPercent       how far below the threshold a payment is "just below" it, in percent (10)
 * @param splitWindowDays          the days within which split payments fall (30)
 * @param objectionDays            days after which an unresolved objection is ignored (20)
 * @param calendar                 the working days for the due date of allocation notices
 */
public record RedFlagSettings(int idleDaysMedium, int idleDaysHigh, long splitThresholdFen, int splitMarginPercent,
                              int splitWindowDays, int objectionDays, WorkingCalendar calendar) {

    /** Dates of the ledger (due dates, end dates of projects) are dates in China Standard Time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public RedFlagSettings {
        if (idleDaysMedium <= 0 || idleDaysHigh <= idleDaysMedium) {
            throw new IllegalArgumentException("idle days: 0 < medium < high");
        }
        if (splitThresholdFen <= 0 || splitMarginPercent <= 0 || splitMarginPercent >= 100 || splitWindowDays <= 0) {
            throw new IllegalArgumentException("split payments: a positive threshold, a margin of 1-99 percent and a "
                    + "positive window");
        }
        if (objectionDays <= 0) {
            throw new IllegalArgumentException("objection days are positive");
        }
        if (calendar == null) {
            throw new IllegalArgumentException("a working calendar is required");
        }
    }

    /** The defaults, on weekdays. */
    public static RedFlagSettings defaults() {
        return new RedFlagSettings(365, 730, 1_000_000L, 10, 30, 20, WorkingCalendar.weekdays());
    }

    /** The least amount, in fen, that is "just below" the split threshold. */
    public long splitNearFen() {
        return splitThresholdFen - splitThresholdFen * splitMarginPercent / 100;
    }
}
