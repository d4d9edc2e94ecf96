package cn.fupin.ledger.shared.audit;

/**
 * One number of a refused register row that another household already holds (or another row of the same file): never
 * the number itself, only its keyed fingerprint (the one the ledger's uniqueness index keeps) and its masked form.
 *
 * @param line the row's line in the file (the header is line 1)
 * @param cardNo the card number of the household the row would have registered
 * @param kind {@code BANK_CARD} or {@code ID_NUMBER}
 * @param fingerprint the keyed fingerprint of the number (HMAC with the ledger's key; equal numbers, equal prints)
 * @param masked the number masked to its last four characters
 * @param code the refusal's code for the row: {@code BANK_CARD_REGISTERED}, {@code ID_NUMBER_REGISTERED} or
 *     {@code DUPLICATE_IN_FILE}
 */
public record RefusedNumber(int line, String cardNo, String kind, String fingerprint, String masked, String code) {
}
