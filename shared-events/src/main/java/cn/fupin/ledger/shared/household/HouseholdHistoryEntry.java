package cn.fupin.ledger.shared.household;

import java.time.Instant;

/**
 * One fact of a household as staff read it: {@code fact} names it (REGISTERED, EXITED, RETURNED, BANK_CARD_CORRECTED,
 * VILLAGE_CORRECTED, CADRE_RELATIVE_DECLARED, STARTUP_GRANT_CLAIMED, STARTUP_GRANT_RELEASED, PERSONAL_DATA_VIEWED),
 * {@code detail} says what changed (personal numbers masked only), {@code reason} the reason given, if any.
 */
public record HouseholdHistoryEntry(long sequence, String fact, Instant recordedAt, String detail, String reason) {
}
