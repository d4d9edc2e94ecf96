package cn.fupin.ledger.query.audit.money;

import java.time.Instant;

/**
 * One fact of a household's page: {@code fact} names it (REGISTERED, CORRECTED, BANK_CARD_CORRECTED, VILLAGE_CORRECTED, EXITED, RETURNED,
 * CADRE_RELATIVE_DECLARED, GRANT_REQUESTED, GRANT_APPROVED, GRANT_REJECTED, GRANT_REVERSED, STARTUP_GRANT_CLAIMED,
 * STARTUP_GRANT_RELEASED, OBJECTION_FILED, OBJECTION_RESOLVED, PERSONAL_DATA_VIEWED, SHARED_NUMBER_REFUSED), with the
 * event behind it, who recorded it and a detail in which personal data appears masked only.
 */
public record HouseholdFact(String fact, String eventId, long globalIndex, Instant at, String actor, String role,
                            String eventType, String detail, Long amountFen) {

    static final String CSV_HEADER = "fact,eventId,globalIndex,at,actor,role,eventType,detail,amountFen";

    java.util.List<Object> cells() {
        return java.util.Arrays.asList(fact, eventId, globalIndex, at, actor, role, eventType, detail, amountFen);
    }
}
