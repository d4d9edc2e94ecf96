package cn.fupin.ledger.shared.journal;

import java.time.Instant;
import java.util.List;

/**
 * The journal's self-check as of {@code asOf}: each check that can fail, with what failed. {@code ok} when every check
 * passes. (Whether each event's postings sum to zero is not enough on its own: the projection writes them so; the
 * checks compare the journal with the events it was written from.)
 */
public record JournalCheckView(Instant asOf, boolean ok, List<Check> checks) {

    public JournalCheckView {
        checks = List.copyOf(checks);
    }

    /**
     * One check: its stable name, whether it passed and, when not, what failed (at most {@link #FAILURES_MAX} lines).
     */
    public record Check(String check, boolean ok, List<String> failures) {

        public static final int FAILURES_MAX = 100;

        public Check {
            failures = List.copyOf(failures);
        }

        public static Check of(String check, List<String> failures) {
            return new Check(check, failures.isEmpty(), failures.size() > FAILURES_MAX
                    ? failures.subList(0, FAILURES_MAX) : failures);
        }
    }
}
