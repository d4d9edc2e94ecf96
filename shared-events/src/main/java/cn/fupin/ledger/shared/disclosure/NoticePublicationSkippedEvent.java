package cn.fupin.ledger.shared.disclosure;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The automatic publisher could not publish the notice {@code noticeId} (of kind {@code kind}) that the event
 * {@code causeEventId} made due, and passed that event so that later notices are not held up: the ledger's rules
 * refused the publication ({@code code}, e.g. {@code NOTICE_INVALID}), or the facts the notice needs were missing
 * (e.g. {@code PLACE_UNKNOWN}). Until the notice is published, whatever it announces stays undisclosed (a project's
 * payments wait for their plan), so the skip is work an officer sees and retries ({@code SKP-<noticeId>}).
 *
 * @param causeType the simple type name of the event that made the notice due
 * @param causeAggregateId the stream of that event, and {@code causeSequence} its sequence there: with them a retry
 *     loads the very event again
 * @param detail the refusal's message, which never holds personal data
 * @param problems each problem as {@code "<field> <CODE>"}, e.g. {@code "title PERSONAL_NUMBER_IN_NOTICE"}: where,
 *     never the offending value
 */
@Revision("1")
public record NoticePublicationSkippedEvent(String noticeId, NoticeKind kind, String causeEventId, String causeType,
                                            String causeAggregateId, long causeSequence, String code, String detail,
                                            List<String> problems) {

    public NoticePublicationSkippedEvent {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
