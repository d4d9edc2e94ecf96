package cn.fupin.ledger.query.audit.redflag;

import java.time.Instant;
import java.util.List;

/**
 * A finding as the auditors' endpoint answers it: the finding, its stable id, and its latest review or {@code null}.
 */
public record FindingView(String id, String rule, Severity severity, String subject, String summary, Instant since,
                          List<String> evidence, Review reviewed) {

    /** Who marked the finding reviewed, when (ledger time) and why. */
    public record Review(String by, Instant at, String reason) {
    }

    static FindingView of(Finding finding, Review review) {
        return new FindingView(finding.id(), finding.rule(), finding.severity(), finding.subject(), finding.summary(),
                finding.since(), finding.evidence(), review);
    }
}
