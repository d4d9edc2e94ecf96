package cn.fupin.ledger.shared.disbursement;

/** A disbursement's identity: {@code DSB-} followed by letters, digits and dashes. */
public record DisbursementId(String value) {

    public DisbursementId {
        if (value == null || !value.matches("DSB-[A-Za-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("a disbursement id looks like DSB-2016-0001");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
