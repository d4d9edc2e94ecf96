package cn.fupin.ledger.query.audit;

/**
 * What the auditors' views may do with the personal data inside events, without the read side holding the key:
 * reveal a ciphertext (for an AUDITOR, who is the only one to see these views, and whose view is recorded by the
 * caller) and compute the keyed fingerprint under which equal numbers compare equal (shared bank cards, lists of
 * ID numbers an auditor uploads). Implemented in ops with the ledger's personal-data key.
 */
public interface PersonalDataReader {

    /** Kinds of personal number, the first argument of {@link #fingerprint}. */
    String ID_NUMBER = "ID_NUMBER";
    String BANK_CARD = "BANK_CARD";

    /** The plain text of a household's {@code field} ("idNumber", "bankCard"), sealed to its card number. */
    String reveal(String ciphertext, String cardNo, String field);

    /** The keyed fingerprint of a plain personal number of the given kind ({@link #ID_NUMBER}, {@link #BANK_CARD}). */
    String fingerprint(String kind, String plain);
}
