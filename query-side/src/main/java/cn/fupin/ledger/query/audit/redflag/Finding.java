package cn.fupin.ledger.query.audit.redflag;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something in the record that looks wrong, with the events that show it. A finding states facts, never a verdict.
 *
 * @param rule the rule's code, e.g. {@code IDLE_FUNDS}
 * @param severity how urgently it asks for a look
 * @param subject what it is about, as the event history names subjects ({@code FUND-510824-2015-COUNTY},
 *     a household card, a village code, a project id …)
 * @param key what tells this finding from others of the same rule and subject (e.g. {@code 730} for the two-year
 *     threshold of idle funds); with rule and subject it makes the finding's stable {@link #id()}, which a review
 *     names
 * @param summary one sentence for an officer, without personal data
 * @param since ledger time from which the finding holds
 * @param evidence the identifiers of the events that show it, oldest first
 */
public record Finding(String rule, Severity severity, String subject, String key, String summary, Instant since,
                      List<String> evidence) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        key = key == null ? "" : key;
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
    }

    /** The finding's stable identity: the same facts always give the same id, so a review of it stays attached. */
    public String id() {
        return key.isEmpty() ? rule + "/" + subject : rule + "/" + subject + "/" + key;
    }
}
