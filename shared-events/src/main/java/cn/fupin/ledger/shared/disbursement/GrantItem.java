package cn.fupin.ledger.shared.disbursement;

/** One household of a grant batch: the card number and the grant in fen. */
public record GrantItem(String cardNo, long amountFen) {
}
