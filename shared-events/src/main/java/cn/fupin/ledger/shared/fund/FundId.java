package cn.fupin.ledger.shared.fund;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fund is the money of one source for one fiscal year of one county: {@code FUND-510824-2015-COUNTY}. Every
 * appropriation of that source and year adds to the same fund, and every reservation and payment draws on it. The
 * county's division code keeps the id unique when the data of several counties are put together.
 */
public record FundId(String value) {

    private static final Pattern SHAPE = Pattern.compile("FUND-(\\d{6})-(\\d{4})-([A-Z_]+)");

    /** The shape of a fund id before the county's code was part of it (step 5): {@code FUND-2015-COUNTY}. */
    private static final Pattern WITHOUT_COUNTY = Pattern.compile("FUND-(\\d{4})-([A-Z_]+)");

    public FundId {
        if (value == null) {
            throw new IllegalArgumentException("a fund id is required");
        }
        Matcher matcher = SHAPE.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a fund id looks like FUND-510824-2015-COUNTY");
        }
        FundSource.valueOf(matcher.group(3));
    }

    public static FundId of(String countyCode, int fiscalYear, FundSource source) {
        if (countyCode == null || !countyCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("a fund belongs to a county, named by its 6-digit code");
        }
        return new FundId("FUND-%s-%04d-%s".formatted(countyCode, fiscalYear, source.name()));
    }

    /**
     * The id of today's shape for {@code value}, which may have been written before the county's code was part of fund
     * ids ({@code FUND-2015-COUNTY} in county 510824 is {@code FUND-510824-2015-COUNTY}); any other text, including an
     * id of today's shape, is returned as it is. For reading stored events and migrating stored streams only.
     */
    public static String withCounty(String value, String countyCode) {
        if (value == null) {
            return null;
        }
        Matcher old = WITHOUT_COUNTY.matcher(value);
        return old.matches() ? "FUND-" + countyCode + "-" + old.group(1) + "-" + old.group(2) : value;
    }

    public String countyCode() {
        return value.substring(5, 11);
    }

    public int fiscalYear() {
        return Integer.parseInt(value.substring(12, 16));
    }

    public FundSource source() {
        return FundSource.valueOf(value.substring(17));
    }

    @Override
    public String toString() {
        return value;
    }
}
