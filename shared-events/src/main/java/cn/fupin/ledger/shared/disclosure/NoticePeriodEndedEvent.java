package cn.fupin.ledger.shared.disclosure;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The publicity period of the notice {@code noticeId} ended at {@code periodEndsAt}; no objection is taken since. */
@Revision("1")
public record NoticePeriodEndedEvent(String noticeId, Instant periodEndsAt) {
}
