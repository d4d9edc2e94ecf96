package cn.fupin.ledger.shared.fund;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fund is the money of one source for one fiscal year: {@code FUND-2015-COUNTY}. Every appropriation of that
 * source and year adds to the same fund, and every reservation and payment draws on it.
 */
public record FundId(String value) {

    private static final Pattern SHAPE = Pattern.compile("FUND-(\\d{4})-([A-Z_]+)");

    public FundId {
        if (value == null) {
            throw new IllegalArgumentException("a fund id is required");
        }
        Matcher matcher = SHAPE.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a fund id looks like FUND-2015-COUNTY");
        }
        FundSource.valueOf(matcher.group(2));
    }

    public static FundId of(int fiscalYear, FundSource source) {
        return new FundId("FUND-%04d-%s".formatted(fiscalYear, source.name()));
    }

    public int fiscalYear() {
        return Integer.parseInt(value.substring(5, 9));
    }

    public FundSource source() {
        return FundSource.valueOf(value.substring(10));
    }

    @Override
    public String toString() {
        return value;
    }
}
