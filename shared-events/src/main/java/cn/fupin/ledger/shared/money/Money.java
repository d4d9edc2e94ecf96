package cn.fupin.ledger.shared.money;

/**
 * Exact arithmetic on amounts of integer fen (分). There is no floating point anywhere in the ledger: 1 yuan is
 * 100 fen, and an amount is a {@code long}. Yuan and 万元 text exist only at the edges (views and notices).
 */
public final class Money {

    /** The county's own budget must put at least 12,000,000 yuan a year into poverty alleviation (seed, 三). */
    public static final long COUNTY_FLOOR_FEN = 1_200_000_000L;

    /**
     * Every registered poor household, migrants included, gets at least 3,000 yuan of start-up funds for an
     * income-raising project (seed: 每户3000元以上的增收项目启动资金), so a smaller start-up grant is refused.
     */
    public static final long STARTUP_GRANT_MIN_FEN = 300_000L;

    private Money() {
    }

    /** Formats fen as yuan with two decimals and thousands separators: {@code 300000 -> "3,000.00元"}. */
    public static String yuan(long fen) {
        return yuanNumber(fen) + "元";
    }

    /** Formats fen as yuan with two decimals and thousands separators, without the unit. */
    public static String yuanNumber(long fen) {
        boolean negative = fen < 0;
        String digits = Long.toString(fen).replace("-", "");
        while (digits.length() < 3) {
            digits = "0" + digits;
        }
        String whole = digits.substring(0, digits.length() - 2);
        String cents = digits.substring(digits.length() - 2);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + grouped + "." + cents;
    }

    /** Formats fen as 万元 with two decimals, rounding half up on the last digit: {@code 1200000000 -> "1,200.00万元"}. */
    public static String wanYuan(long fen) {
        // 1 万元 = 1,000,000 fen; keep two decimals of 万元, i.e. units of 10,000 fen.
        long units = fen / 10_000;
        long rest = Math.abs(fen % 10_000);
        if (rest >= 5_000) {
            units += fen < 0 ? -1 : 1;
        }
        return yuanNumber(units) + "万元";
    }
}
