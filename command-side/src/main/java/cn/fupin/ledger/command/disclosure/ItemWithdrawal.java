package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.common.Actor;
import java.util.List;

/**
 * What follows from an upheld objection for the item it named, done in the resolution's unit of work by whoever
 * knows the item: a payment still requested is rejected. Implemented by the payments (a disbursement), so that this
 * package does not depend on theirs; the payments depend on this one for the hold.
 */
public interface ItemWithdrawal {

    /**
     * Withdraws the item for {@code reason} (异议成立：…) on behalf of {@code officer}; returns the ids of the payments
     * rejected (none when the item is no payment, or is not pending).
     */
    List<String> withdraw(String item, String reason, Actor officer);
}
