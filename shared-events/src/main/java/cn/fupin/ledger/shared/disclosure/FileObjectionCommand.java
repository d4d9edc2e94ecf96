package cn.fupin.ledger.shared.disclosure;

/**
 * Anyone, without logging in, objects (提出异议) to the {@code item} listed by a notice during its period, with
 * {@code text} (at most 2,000 characters) and optionally a {@code contact} (at most 100 characters) by which an
 * officer can answer. The contact is encrypted before it is recorded and never shown; {@link #toString()} leaves it
 * out so that no log holds it.
 */
public record FileObjectionCommand(NoticeId noticeId, ObjectionId objectionId, String item, String text,
                                   String contact) {

    /** The most characters an objection's text may have (after stripping); the public form's limit too. */
    public static final int TEXT_LENGTH_MAX = 2_000;
    /** The most characters an objector's contact may have (one line). */
    public static final int CONTACT_LENGTH_MAX = 100;

    @Override
    public String toString() {
        return "FileObjectionCommand[noticeId=" + noticeId + ", objectionId=" + objectionId + ", item=" + item
                + ", contact=" + (contact == null ? "none" : "given") + "]";
    }
}
