package cn.fupin.ledger.shared.redflag;

import org.axonframework.serialization.Revision;

/**
 * An auditor looked at the red-flag finding {@code findingId} (of the rule {@code rule}, about {@code subject}) and
 * recorded why it needs no further action, or what was done ({@code reason}); {@code reviewedBy} is the auditor. The
 * finding itself stays: a review records a person's judgement next to the facts, it does not change them. A finding
 * reviewed twice shows its latest review; every review stays in its stream.
 */
@Revision("1")
public record RedFlagReviewedEvent(String findingId, String rule, String subject, String reason, String reviewedBy) {
}
