package cn.fupin.ledger.shared.project;

/** A project's identity: {@code PRJ-} followed by letters, digits and dashes, e.g. {@code PRJ-2016-0001}. */
public record ProjectId(String value) {

    public ProjectId {
        if (value == null || !value.matches("PRJ-[A-Za-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("a project id looks like PRJ-2016-0001");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
