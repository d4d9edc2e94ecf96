package cn.fupin.ledger.shared.household;

/** A household's card number and its head's full name (staff only). */
public record HeadNameView(String cardNo, String headName) {
}
