package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.disclosure.AutomaticNoticeSeries;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the automatic notices write ids and text: deterministic notice ids, one-line table cells and field values within
 * the ledger's limits, villages as people say them, a fund's source by name. Pure.
 */
final class NoticeText {

    static final int CELL_LENGTH_MAX = 500;
    static final int VALUE_LENGTH_MAX = 2_000;

    private NoticeText() {
    }

    static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    /** A sum as county notices give it: 万元 with the exact yuan after it, e.g. 120.00万元（1,200,000.00元）. */
    static String wanAndYuan(long fen) {
        return Money.wanYuan(fen) + "（" + Money.yuan(fen) + "）";
    }

    static String fundSource(String fundId) {
        try {
            return new FundId(fundId).source().chineseName();
        } catch (IllegalArgumentException e) {
            return fundId;
        }
    }

    /**
     * The series' prefix followed by the id ({@code NTC-GL-<id>}); an id that would not make a valid notice id (other
     * characters, too long) is replaced by the first 32 hex digits of its SHA-256, still deterministic. Every id made
     * here is reserved for the automatic publisher ({@link NoticeId#isReservedForPublisher()}).
     */
    static NoticeId noticeId(AutomaticNoticeSeries series, String sourceId) {
        String candidate = series.prefix() + sourceId;
        return new NoticeId(NoticeId.isValid(candidate) ? candidate
                : series.prefix() + sha256(sourceId).substring(0, 32));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line for a table cell: whitespace runs (line breaks too) as one space, at most 500 characters. */
    static String line(String text) {
        String one = text == null ? "" : text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return one.length() > CELL_LENGTH_MAX ? one.substring(0, CELL_LENGTH_MAX) : one;
    }

    /** A field's value: at most 2,000 characters, carriage returns and other control characters but line feeds out. */
    static String value(String text) {
        String clean = text == null ? "" : text.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").strip();
        return clean.length() > VALUE_LENGTH_MAX ? clean.substring(0, VALUE_LENGTH_MAX) : clean;
    }

    /** A village as people say it: the gazetteer's 宝珠村村民委员会 is 宝珠村, 马桑社区居民委员会 is 马桑社区. */
    static String spoken(String officialName) {
        if (officialName.endsWith("村村民委员会") || officialName.endsWith("社区居民委员会")) {
            return officialName.substring(0, officialName.length() - "村民委员会".length());
        }
        return officialName;
    }

    static String orDash(String text) {
        return isBlank(text) ? "—" : text;
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
