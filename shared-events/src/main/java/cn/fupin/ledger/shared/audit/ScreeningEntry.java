package cn.fupin.ledger.shared.audit;

import java.time.LocalDate;

/**
 * One person on a screening list, by the keyed fingerprint of their ID number only (the plain number is never
 * stored): equal numbers have equal fingerprints under the ledger's key, so the list matches households without
 * revealing anybody.
 *
 * @param idFingerprint the keyed fingerprint of the ID number (kind {@code ID_NUMBER})
 * @param dateOfDeath the date of death where a death list gives one, otherwise {@code null}
 */
public record ScreeningEntry(String idFingerprint, LocalDate dateOfDeath) {
}
