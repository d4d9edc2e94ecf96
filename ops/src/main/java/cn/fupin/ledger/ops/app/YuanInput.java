package cn.fupin.ledger.ops.app;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount typed in yuan, to fen, exactly: digits with thousands separators allowed, at most two decimals, at most
 * 13 digits before the point (under a hundred trillion yuan); no floating point on the way.
 */
final class YuanInput {

    private static final Pattern YUAN = Pattern.compile("(\\d{1,13})(?:\\.(\\d{1,2}))?");

    private YuanInput() {
    }

    /** The amount in fen, or null with a message for {@code field} in {@code errors}. */
    static Long fen(String typed, String field, Map<String, String> errors) {
        String text = typed == null ? "" : typed.strip().replace(",", "").replace("，", "").replace("元", "").strip();
        Matcher matcher = YUAN.matcher(text);
        if (!matcher.matches()) {
            errors.put(field, text.isEmpty() ? "请填写金额（元）" : "金额应为元，最多两位小数，例如 1200000.00");
            return null;
        }
        String decimals = matcher.group(2) == null ? "" : matcher.group(2);
        long fen = Long.parseLong(matcher.group(1)) * 100 + (decimals.isEmpty() ? 0
                : Long.parseLong(decimals.length() == 1 ? decimals + "0" : decimals));
        if (fen <= 0) {
            errors.put(field, "金额应大于零");
            return null;
        }
        return fen;
    }
}
