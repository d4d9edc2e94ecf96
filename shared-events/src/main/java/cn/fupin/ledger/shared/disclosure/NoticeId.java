package cn.fupin.ledger.shared.disclosure;

/** A published notice's identity: {@code NTC-} followed by letters, digits and dashes, e.g. {@code NTC-2016-0001}. */
public record NoticeId(String value) {

    public NoticeId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("a notice id looks like NTC-2016-0001");
        }
    }

    /** Whether {@code value} is a notice id: {@code NTC-} and 1 to 60 letters, digits and dashes. */
    public static boolean isValid(String value) {
        return value != null && value.matches("NTC-[A-Za-z0-9-]{1,60}");
    }

    /**
     * Whether the id belongs to a series the ledger publishes by itself ({@link AutomaticNoticeSeries}, compared
     * without regard to case): such an id is the automatic publisher's alone.
     */
    public boolean isReservedForPublisher() {
        return AutomaticNoticeSeries.of(value).isPresent();
    }

    @Override
    public String toString() {
        return value;
    }
}
