package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionDismissedAsDuplicateEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OBJECTION_IGNORED (异议未办理): an objection to a notice not resolved (upheld, dismissed, or dismissed as a duplicate)
 * more than {@code objectionDays} calendar days after it was received. One finding per objection, about the
 * objection; MEDIUM, HIGH after twice as long. Once resolved, the finding is gone: the resolution is the answer.
 */
final class ObjectionIgnoredRule implements RedFlagRule {

    static final String RULE = "OBJECTION_IGNORED";

    private record Objection(String noticeId, String item, Instant filedAt, String eventId) {
    }

    private final RedFlagSettings settings;
    private final Map<String, Objection> pending = new LinkedHashMap<>();

    ObjectionIgnoredRule(RedFlagSettings settings) {
        this.settings = settings;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof ObjectionFiledEvent e) {
            pending.put(e.objectionId(), new Objection(e.noticeId(), e.item(), e.filedAt(), event.eventId()));
        } else if (payload instanceof ObjectionResolvedEvent e) {
            pending.remove(e.objectionId());
        } else if (payload instanceof ObjectionDismissedAsDuplicateEvent e) {
            pending.remove(e.objectionId());
        }
    }

    @Override
    public List<Finding> findings(Instant now) {
        List<Finding> findings = new ArrayList<>();
        Duration allowed = Duration.ofDays(settings.objectionDays());
        pending.forEach((objectionId, objection) -> {
            Instant due = objection.filedAt().plus(allowed);
            if (now.isAfter(due)) {
                long days = Duration.between(objection.filedAt(), now).toDays();
                findings.add(new Finding(RULE, now.isAfter(due.plus(allowed)) ? Severity.HIGH : Severity.MEDIUM,
                        objectionId, "", "objection to " + objection.item() + " on notice " + objection.noticeId()
                        + " unresolved after " + days + " days", due, List.of(objection.eventId())));
            }
        });
        return findings;
    }
}
