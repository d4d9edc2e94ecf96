package cn.fupin.ledger.shared.disclosure;

import cn.fupin.ledger.shared.common.Actor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The series of notices the ledger publishes by itself, each with the id prefix its notices carry
 * ({@code NTC-GL-<batch>-<village>}, {@code NTC-PP-<project>}, …). The publisher fixes each id by the fact that calls
 * for the notice, so that a redelivered fact publishes nothing twice; whoever could publish under such an id first
 * would make the publisher take the real notice as published already. These prefixes therefore belong to the
 * {@link #PUBLISHER} alone: anyone else is refused them (NOTICE_ID_RESERVED), decided by the notice publisher on the
 * command side. This is the one place the prefixes are written; the publisher builds its ids through {@link #prefix()}.
 */
public enum AutomaticNoticeSeries {

    /** 资金分配公告 of one appropriation: {@code NTC-FA-<appropriation>}. */
    FUND_ALLOCATION("FA"),
    /** 竞争立项结果公示 of a closed round: {@code NTC-RR-<round>}. */
    ROUND_RESULT("RR"),
    /** 项目计划公示 of an approved project: {@code NTC-PP-<project>}. */
    PROJECT_PLAN("PP"),
    /** The project's line on the county's list of approved projects: {@code NTC-PC-<project>}. */
    COUNTY_PROJECT_LIST("PC"),
    /** The project's line on its township's list of approved projects: {@code NTC-PT-<project>}. */
    TOWNSHIP_PROJECT_LIST("PT"),
    /** A grant list: {@code NTC-GL-<batch>-<village>} or {@code NTC-GL-<disbursement>}. */
    GRANT_LIST("GL"),
    /** 项目竣工验收公告 of an accepted project: {@code NTC-CA-<project>}. */
    COMPLETION("CA"),
    /** The correction an upheld objection makes due: {@code NTC-CR-<objection>}. */
    CORRECTION("CR");

    /** The system process that publishes the automatic notices, the only one that may use their ids. */
    public static final Actor PUBLISHER = Actor.of("system:disclosure-publisher", "SYSTEM");

    private final String code;

    AutomaticNoticeSeries(String code) {
        this.code = code;
    }

    /** The beginning of every id of the series, e.g. {@code NTC-GL-}. */
    public String prefix() {
        return "NTC-" + code + "-";
    }

    /**
     * The series whose prefix {@code noticeId} begins with, compared without regard to case: MySQL and MariaDB compare
     * aggregate identifiers case-insensitively, so {@code NTC-gl-…} would take the place of {@code NTC-GL-…}.
     */
    public static Optional<AutomaticNoticeSeries> of(String noticeId) {
        if (noticeId == null) {
            return Optional.empty();
        }
        String upper = noticeId.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(series -> upper.startsWith(series.prefix())).findFirst();
    }

    /** Whether {@code actor} is the automatic publisher (its name and its role SYSTEM, which no staff user has). */
    public static boolean isPublisher(Actor actor) {
        return PUBLISHER.equals(actor);
    }
}
