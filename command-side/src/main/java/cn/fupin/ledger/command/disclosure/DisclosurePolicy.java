package cn.fupin.ledger.command.disclosure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configured publicity period: {@code ledger.disclosure.period-days}, 10 by default. It may be set longer, never
 * shorter: the national guidance asks that plans and recipient lists be public for at least ten days
 * (原则上公开公告时间不得少于10天), so the ledger refuses to start with less. Every notice runs at least this long.
 */
@Component
public class DisclosurePolicy {

    /** The national guidance's minimum, in days. */
    public static final int PERIOD_DAYS_MIN = 10;
    /** A bound on any period, in days. */
    public static final int PERIOD_DAYS_MAX = 365;

    private final int periodDays;

    public DisclosurePolicy(@Value("${ledger.disclosure.period-days:10}") int periodDays) {
        if (periodDays < PERIOD_DAYS_MIN || periodDays > PERIOD_DAYS_MAX) {
            throw new IllegalArgumentException("ledger.disclosure.period-days is " + PERIOD_DAYS_MIN + " to "
                    + PERIOD_DAYS_MAX + " (a notice is public for at least ten days), not " + periodDays);
        }
        this.periodDays = periodDays;
    }

    /** The period every notice runs at least, in days. */
    public int periodDays() {
        return periodDays;
    }
}
