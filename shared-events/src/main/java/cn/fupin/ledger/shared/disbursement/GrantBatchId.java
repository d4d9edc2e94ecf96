package cn.fupin.ledger.shared.disbursement;

/** A batch of household start-up grants: {@code GB-} followed by letters, digits and dashes. */
public record GrantBatchId(String value) {

    public GrantBatchId {
        if (value == null || !value.matches("GB-[A-Za-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("a grant batch id looks like GB-2016-0001");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
