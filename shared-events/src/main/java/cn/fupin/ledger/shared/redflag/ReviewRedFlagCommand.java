package cn.fupin.ledger.shared.redflag;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An auditor marks a red-flag finding reviewed, with a reason. The finding must exist when the command is sent (the
 * read side, which computes findings, checks that); the command side records the review in the finding's own stream
 * ({@link #streamId()}), so that the reviews of one finding are ordered and every review of every finding is a fact.
 */
public record ReviewRedFlagCommand(String findingId, String rule, String subject, String reason, Actor reviewer)
        implements Reasoned {

    /** Prefix of a review stream's identifier: {@code RFR-} and the finding's id. */
    public static final String STREAM_PREFIX = "RFR-";

    /** The longest reason taken, in characters. */
    public static final int REASON_LENGTH_MAX = 1_000;

    @TargetAggregateIdentifier
    public String streamId() {
        return STREAM_PREFIX + findingId;
    }
}
