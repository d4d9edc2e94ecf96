package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.common.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a household left poverty and exits the register (脱贫退出) in {@code year}. */
public record ExitHouseholdCommand(@TargetAggregateIdentifier HouseholdCardNo cardNo, int year, String reason)
        implements Reasoned {
}
