package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.audit.FourEyesRefusalRecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SELF_DEALING_ATTEMPT: somebody tried to approve what they had proposed or requested themselves, or to pay what they
 * had cleared of an objection, and was refused (four eyes). The refusal kept the money safe, but the attempt is worth
 * an officer's look: one finding per person (its subject is their user name), with every recorded refusal as
 * evidence; three or more attempts are HIGH, fewer MEDIUM.
 *
 * <p>Constructed without arguments.
 */
public final class SelfDealingAttemptRule implements RedFlagRule {

    public static final String RULE = "SELF_DEALING_ATTEMPT";
    /** From this many refused attempts by one person a finding is HIGH. */
    static final int HIGH_FROM_ATTEMPTS = 3;
    /** The subjects a summary names before it stops with "…". */
    private static final int SUBJECTS_NAMED_MAX = 5;

    private final Map<String, List<LedgerEvent>> attemptsByActor = new TreeMap<>();

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        if (event.payload() instanceof FourEyesRefusalRecordedEvent refusal) {
            attemptsByActor.computeIfAbsent(refusal.actor(), actor -> new ArrayList<>()).add(event);
        }
    }

    @Override
    public List<Finding> findings(Instant now) {
        List<Finding> findings = new ArrayList<>();
        attemptsByActor.forEach((actor, all) -> {
            List<LedgerEvent> attempts = all.stream().filter(event -> !event.timestamp().isAfter(now)).toList();
            if (attempts.isEmpty()) {
                return;
            }
            Set<String> subjects = new LinkedHashSet<>();
            for (LedgerEvent attempt : attempts) {
                subjects.add(((FourEyesRefusalRecordedEvent) attempt.payload()).subjectId());
            }
            findings.add(new Finding(RULE, attempts.size() >= HIGH_FROM_ATTEMPTS ? Severity.HIGH : Severity.MEDIUM,
                    actor, "", summary(actor, attempts.size(), subjects), attempts.get(0).timestamp(),
                    attempts.stream().map(LedgerEvent::eventId).toList()));
        });
        return findings;
    }

    private static String summary(String actor, int attempts, Set<String> subjects) {
        List<String> named = subjects.stream().limit(SUBJECTS_NAMED_MAX).toList();
        return actor + " was refused " + attempts + (attempts == 1 ? " time" : " times")
                + " approving what they had asked for or cleared themselves (four eyes): " + String.join(", ", named)
                + (subjects.size() > named.size() ? ", …" : "");
    }
}
