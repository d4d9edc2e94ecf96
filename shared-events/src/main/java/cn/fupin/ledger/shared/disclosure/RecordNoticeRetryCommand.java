package cn.fupin.ledger.shared.disclosure;

import cn.fupin.ledger.shared.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records an officer's retry of the skipped notice {@code noticeId}: whether the notice exists now ({@code published})
 * or the code of the refusal met again. The skip stream must exist ({@code SKIPPED_WORK_NOT_FOUND} otherwise).
 */
public record RecordNoticeRetryCommand(String noticeId, boolean published, String code, Actor actor,
                                       String requestId) {

    @TargetAggregateIdentifier
    public String streamId() {
        return RecordNoticeSkipCommand.STREAM_PREFIX + noticeId;
    }
}
