package cn.fupin.ledger.shared.journal;

/**
 * The journal's chart of accounts. Debits are positive, credits negative; every posting sums to zero.
 * <ul>
 *   <li>{@code APPROPRIATION:<fundId>} — where a fund's money came from (the appropriation documents); credit-normal,
 *       never above zero;</li>
 *   <li>{@code FUND:<fundId>} — what the fund can still promise; never below zero;</li>
 *   <li>{@code RESERVED:<projectId>:<fundId>} — what the fund holds for an approved project and has not paid;
 *       never below zero;</li>
 *   <li>{@code PAID_VILLAGE:<villageCode>} and {@code PAID_HOUSEHOLD:<cardNo>} — what reached a village or a
 *       household; never below zero.</li>
 * </ul>
 * So APPROPRIATION + FUND + RESERVED + PAID = 0 for every fund, and an auditor follows a fen from its appropriation
 * document through the project that reserved it to the village or household it reached.
 */
public final class Accounts {

    public static final String APPROPRIATION = "APPROPRIATION:";
    public static final String FUND = "FUND:";
    public static final String RESERVED = "RESERVED:";
    public static final String PAID_VILLAGE = "PAID_VILLAGE:";
    public static final String PAID_HOUSEHOLD = "PAID_HOUSEHOLD:";

    private Accounts() {
    }

    public static String appropriation(String fundId) {
        return APPROPRIATION + fundId;
    }

    public static String fund(String fundId) {
        return FUND + fundId;
    }

    public static String reserved(String projectId, String fundId) {
        return RESERVED + projectId + ":" + fundId;
    }

    public static String paidToVillage(String villageCode) {
        return PAID_VILLAGE + villageCode;
    }

    public static String paidToHousehold(String cardNo) {
        return PAID_HOUSEHOLD + cardNo;
    }

    /** Whether a balance is allowed for the account: appropriation accounts never above zero, all others never below. */
    public static boolean allows(String account, long balanceFen) {
        return account.startsWith(APPROPRIATION) ? balanceFen <= 0 : balanceFen >= 0;
    }
}
