package cn.fupin.ledger.shared.assessment;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.place.TownshipCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a township's yearly assessment (乡镇考核结果) for {@code year}: {@code scoreHundredths} is the score out of
 * 100 in hundredths of a point (92.5 is 9250), taken from the document {@code documentNo}.
 */
public record RecordTownshipAssessmentCommand(
        TownshipCode township,
        int year,
        int scoreHundredths,
        String documentNo,
        Actor actor) {

    /** The township's stream ({@code TWN-<code>}), which Axon loads for the command. */
    @TargetAggregateIdentifier
    public String townshipStreamId() {
        return township.streamId();
    }
}
