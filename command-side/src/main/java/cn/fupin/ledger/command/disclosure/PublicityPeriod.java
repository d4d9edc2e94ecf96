package cn.fupin.ledger.command.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A notice's publicity period (公示期) as the ledger counts it. The period is counted in whole days of China Standard
 * Time: the day of publication is not counted (民法典 第二百零一条: 按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算),
 * so a notice of 10 days published on 1 May runs until the end of 11 May, and nobody is ever given less than ten
 * full days to object, whatever the hour of publication.
 *
 * @param firstDay the day of publication, shown as the period's start
 * @param lastDay  the last day counted
 * @param endsAt   the end of the last day (midnight at its end, Asia/Shanghai)
 */
record PublicityPeriod(LocalDate firstDay, LocalDate lastDay, Instant endsAt) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static PublicityPeriod of(Instant publishedAt, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a period lasts at least a day");
        }
        LocalDate published = LocalDate.ofInstant(publishedAt, CHINA);
        LocalDate last = published.plusDays(days);
        return new PublicityPeriod(published, last, last.plusDays(1).atStartOfDay(CHINA).toInstant());
    }
}
