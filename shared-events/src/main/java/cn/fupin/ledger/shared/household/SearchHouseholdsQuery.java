package cn.fupin.ledger.shared.household;

/**
 * The households whose card number begins with {@code cardNo}, whose head's name contains {@code headName}, in
 * {@code villageCode} (each null or blank when not asked), in card number order after {@code afterCardNo} (null for
 * the first page), at most {@code limit} of them (1 to 100): a page of the register, answered by a list of
 * {@link HouseholdSummary}.
 */
public record SearchHouseholdsQuery(String cardNo, String headName, String villageCode, String afterCardNo,
                                    int limit) {

    public static final int LIMIT_MAX = 100;

    public SearchHouseholdsQuery {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new IllegalArgumentException("a page holds 1 to " + LIMIT_MAX + " households");
        }
    }
}
