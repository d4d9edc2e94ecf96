package cn.fupin.ledger.command.household;

/**
 * Which household holds each bank card, across all households: "one bank card belongs to one household" spans
 * aggregates, so a household asks here before it takes a corrected card. Kept by {@link PersonalDataIndex}.
 */
interface BankCardHolders {

    /**
     * Gives the household {@code cardNo} the bank card {@code bankCard} (plain digits) in place of the one it holds,
     * in the current transaction; refuses BANK_CARD_REGISTERED when another household holds that card.
     */
    void move(String cardNo, String bankCard);
}
