package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.common.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Declares the head of household {@code cardNo} a relative of the cadre {@code cadre} (a ledger user name), related
 * as {@code relation}, for {@code reason}: the declaration of cadres' relatives (优亲厚友) that the red flag
 * RELATED_PARTY reads.
 */
public record DeclareCadreRelativeCommand(HouseholdCardNo cardNo, String cadre, String relation, String reason)
        implements Reasoned {

    @TargetAggregateIdentifier
    public String householdStreamId() {
        return cardNo.streamId();
    }
}
