package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticePublicationRetriedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PUBLICATION_SKIPPED: the automatic publisher skipped a notice (the ledger refused it, or facts it needs were missing)
 * and it has not been published since. What the notice announces stays undisclosed meanwhile: a project's plan or a
 * grant list holds back payments (HIGH), other notices leave the public uninformed (MEDIUM). One finding per notice
 * (its subject is the notice id), with its skips and the retries that were refused again as evidence; none once the
 * notice is published.
 *
 * <p>Constructed without arguments.
 */
public final class PublicationSkippedRule implements RedFlagRule {

    public static final String RULE = "PUBLICATION_SKIPPED";

    /** A notice skipped and not published since. */
    private static final class Skipped {
        NoticeKind kind;
        String code;
        Instant since;
        final List<String> evidence = new ArrayList<>();
    }

    private final Map<String, Skipped> open = new LinkedHashMap<>();

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof NoticePublicationSkippedEvent skip) {
            Skipped skipped = open.computeIfAbsent(skip.noticeId(), id -> new Skipped());
            skipped.kind = skip.kind();
            skipped.code = skip.code();
            skipped.since = skipped.since == null ? event.timestamp() : skipped.since;
            skipped.evidence.add(event.eventId());
        } else if (payload instanceof NoticePublicationRetriedEvent retry) {
            Skipped skipped = open.get(retry.noticeId());
            if (skipped != null && retry.published()) {
                open.remove(retry.noticeId());
            } else if (skipped != null) {
                skipped.evidence.add(event.eventId());
            }
        } else if (payload instanceof NoticePublishedEvent published) {
            open.remove(published.noticeId());
        }
    }

    @Override
    public List<Finding> findings(Instant now) {
        List<Finding> findings = new ArrayList<>();
        open.forEach((noticeId, skipped) -> {
            if (skipped.since.isAfter(now)) {
                return;
            }
            boolean holdsPayments = skipped.kind == NoticeKind.PROJECT_PLAN || skipped.kind == NoticeKind.GRANT_LIST;
            findings.add(new Finding(RULE, holdsPayments ? Severity.HIGH : Severity.MEDIUM, noticeId, "",
                    "the automatic publisher skipped the " + skipped.kind.name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' ') + " notice " + noticeId + " (" + skipped.code + ") and it is not "
                            + "published since" + (holdsPayments ? ": the payments it lists cannot be made" : ""),
                    skipped.since, skipped.evidence));
        });
        return findings;
    }
}
