package cn.fupin.ledger.shared.competition;

/**
 * A criterion of a competitive round with its {@code weight} (an integer; a round's weights sum to 100). The
 * criterion named {@link #TOWNSHIP_ASSESSMENT} is filled from the township's recorded assessment of the year before
 * the round's fiscal year and is never scored by hand.
 */
public record Criterion(String name, int weight) {

    /** 乡镇考核结果: the plan makes last year's township assessment the main basis of the next year's allocation. */
    public static final String TOWNSHIP_ASSESSMENT = "TOWNSHIP_ASSESSMENT";

    public boolean fromAssessment() {
        return TOWNSHIP_ASSESSMENT.equals(name);
    }
}
