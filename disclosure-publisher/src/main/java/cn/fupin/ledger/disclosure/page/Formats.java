package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the pages write dates, shares, fund sources and states in Chinese. Pure functions of their arguments. */
final class Formats {

    /**
     * The time zone of the county's notices. Instants are shown as the local date and time a villager would read on
     * the notice board; fixed here, not taken from the machine, so that the same data gives the same bytes anywhere.
     */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");

    private Formats() {
    }

    static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    static String date(Instant instant) {
        return instant == null ? "—" : DATE.format(instant.atZone(CHINA));
    }

    static String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant.atZone(CHINA));
    }

    /** A period from its first to its last day. */
    static String period(LocalDate start, LocalDate end) {
        if (start == null && end == null) {
            return "—";
        }
        return date(start) + " 至 " + date(end);
    }

    /** {@code part} of {@code whole} as a percentage with one decimal, rounded half up; "—" when the whole is 0. */
    static String percent(long part, long whole) {
        if (whole <= 0) {
            return "—";
        }
        long tenths = Math.floorDiv(Math.addExact(Math.multiplyExact(part, 2000L), whole), Math.multiplyExact(whole, 2L));
        return tenths / 10 + "." + tenths % 10 + "%";
    }

    /** A budget line's fund as people say it: {@code 2094年整合涉农资金}; the id itself when it is not a fund id. */
    static String fund(String fundId) {
        try {
            FundId fund = new FundId(fundId);
            return fund.fiscalYear() + "年" + fund.source().chineseName();
        } catch (IllegalArgumentException e) {
            return fundId;
        }
    }

    static String yuan(long fen) {
        return Money.yuan(fen);
    }

    static String wanYuan(long fen) {
        return Money.wanYuan(fen);
    }

    static String criterion(String name) {
        return Criterion.TOWNSHIP_ASSESSMENT.equals(name) ? "上年度乡镇考核结果" : name;
    }

    static String outcome(RankedProposal.Outcome outcome) {
        if (outcome == null) {
            return "—";
        }
        return switch (outcome) {
            case AWARDED -> "入选";
            case DOES_NOT_FIT -> "资金不足，未安排";
        };
    }

    static String grantStatus(DisbursementStatus status) {
        if (status == null) {
            return "—";
        }
        return switch (status) {
            case REQUESTED -> "待审批";
            case APPROVED -> "已发放";
            case REJECTED -> "未批准";
            case REVERSED -> "已退回";
        };
    }

    /** A payment to a village: the same states as a grant, in the words used for project money. */
    static String paymentStatus(DisbursementStatus status) {
        return status == DisbursementStatus.APPROVED ? "已拨付" : grantStatus(status);
    }

    /** How an objection was handled, in Chinese for the states the ledger records; any other state as it is. */
    static String objectionOutcome(String outcome) {
        if (outcome == null) {
            return "办理中";
        }
        return switch (outcome) {
            case "PENDING", "RECEIVED", "OPEN" -> "办理中";
            case "UPHELD" -> "异议成立";
            case "DISMISSED" -> "异议不成立";
            default -> outcome;
        };
    }

    /** A whole number or "—" when absent. */
    static String number(Integer value) {
        return value == null ? "—" : value.toString();
    }

    /**
     * A place's name as people say it: the gazetteer's official names of villages end in the committee's title
     * (宝珠村村民委员会, 马桑社区居民委员会), which the pages leave out (宝珠村, 马桑社区).
     */
    static String place(String officialName) {
        if (officialName == null) {
            return "—";
        }
        if (officialName.endsWith("村村民委员会") || officialName.endsWith("社区居民委员会")) {
            return officialName.substring(0, officialName.length() - "村民委员会".length());
        }
        return officialName;
    }

    /** The text, or "—" when it is missing or blank. */
    static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
