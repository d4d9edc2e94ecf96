package cn.fupin.ledger.shared.competition;

/** A competitive round's identity: {@code CMP-} followed by letters, digits and dashes, e.g. {@code CMP-2016-01}. */
public record CompetitionId(String value) {

    public CompetitionId {
        if (value == null || !value.matches("CMP-[A-Za-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("a competition id looks like CMP-2016-01");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
