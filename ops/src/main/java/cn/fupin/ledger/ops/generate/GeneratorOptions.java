package cn.fupin.ledger.ops.generate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the county generator builds ({@code ledger.generate.*}; the profile {@code generate} maps the short arguments
 * {@code --households --years --seed --first-year} onto them, and {@code --county} onto {@code ledger.county.code}).
 *
 * @param households   the households of the register, all of them imported (most in the first year)
 * @param years        the fiscal years generated, {@code firstYear} and the following ones
 * @param seed         the seed of every choice: the same seed gives the same commands
 * @param firstYear    the first fiscal year; the ledger's clock starts on 5 January of it
 * @param exitWhenDone whether the process ends once the county is built (the command line), or stays up (tests)
 */
@ConfigurationProperties("ledger.generate")
public record GeneratorOptions(@DefaultValue("30000") int households, @DefaultValue("5") int years,
                               @DefaultValue("42") long seed, @DefaultValue("2015") int firstYear,
                               @DefaultValue("true") boolean exitWhenDone) {

    /** A county's register is at most this large here (the import's own limit is per file). */
    public static final int HOUSEHOLDS_MAX = 1_000_000;
    public static final int YEARS_MAX = 10;

    public GeneratorOptions {
        if (households < 10 || households > HOUSEHOLDS_MAX) {
            throw new IllegalArgumentException("households: 10 to " + HOUSEHOLDS_MAX);
        }
        if (years < 1 || years > YEARS_MAX) {
            throw new IllegalArgumentException("years: 1 to " + YEARS_MAX);
        }
        if (firstYear < 2014 || firstYear > 2030) {
            throw new IllegalArgumentException("first-year: 2014 to 2030");
        }
    }

    /**
     * The projects of the whole run besides the start-up grant projects: about 2,000 for 30,000 households over five
     * years, in proportion to both, and at least four a year (one village project, one household project, two
     * proposals to the round).
     */
    public int projects() {
        long scaled = Math.round(2_000.0 * households / 30_000.0 * years / 5.0);
        return (int) Math.max(4L * years, scaled);
    }
}
