package cn.fupin.ledger.shared.disclosure;

/** An objection's identity: {@code OBJ-} followed by letters, digits and dashes. */
public record ObjectionId(String value) {

    public ObjectionId {
        if (value == null || !value.matches("OBJ-[A-Za-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("an objection id looks like OBJ-2016-0001");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
