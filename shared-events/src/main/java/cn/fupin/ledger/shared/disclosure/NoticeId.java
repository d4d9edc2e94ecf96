package cn.fupin.ledger.shared.disclosure;

/** A published notice's identity: {@code NTC-} followed by letters, digits and dashes, e.g. {@code NTC-2016-0001}. */
public record NoticeId(String value) {

    public NoticeId {
        if (value == null || !value.matches("NTC-[A-Za-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("a notice id looks like NTC-2016-0001");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
