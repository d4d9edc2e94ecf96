package cn.fupin.ledger.shared.disclosure;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The automatic publisher records that it skipped the notice {@code noticeId} (see
 * {@link NoticePublicationSkippedEvent} for the fields), in the notice's skip stream ({@link #streamId()}). The same
 * cause skipped again (a redelivery, a replay, a retry refused again) records nothing more.
 */
public record RecordNoticeSkipCommand(String noticeId, NoticeKind kind, String causeEventId, String causeType,
                                      String causeAggregateId, long causeSequence, String code, String detail,
                                      List<String> problems) {

    /** Prefix of a skip stream's identifier: {@code SKP-} and the notice's id. */
    public static final String STREAM_PREFIX = "SKP-";

    public RecordNoticeSkipCommand {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return STREAM_PREFIX + noticeId;
    }
}
