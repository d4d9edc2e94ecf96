package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ResolveObjectionCommand;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Resolves an objection in one unit of work: the notice records the outcome and the reason (办理结果); when upheld,
 * the item is withdrawn: a payment of it still requested is rejected with the reason "异议成立：…" (through
 * {@link ItemWithdrawal}), and a correction notice is due before anything of the item is paid. Lock order: the
 * notice, then the payment (as in an approval).
 */
@Component
class ObjectionResolver {

    /** The prefix of the reason a payment is rejected with when an objection to it is upheld. */
    static final String UPHELD_PREFIX = "异议成立：";

    /** What the resolution recorded and what it withdrew. */
    record Resolved(String noticeId, String objectionId, String item, ObjectionResolution outcome,
                    boolean correctionDue, List<String> rejectedDisbursements) {
    }

    private final Notices notices;
    private final ItemWithdrawal withdrawal;

    @Autowired
    ObjectionResolver(Configuration axon, ItemWithdrawal withdrawal) {
        this(Notices.of(axon), withdrawal);
    }

    ObjectionResolver(Notices notices, ItemWithdrawal withdrawal) {
        this.notices = notices;
        this.withdrawal = withdrawal;
    }

    @CommandHandler
    Resolved handle(ResolveObjectionCommand command) {
        Objects.requireNonNull(command.actor(), "a resolution carries who resolves");
        Objects.requireNonNull(command.noticeId(), "a resolution names its notice");
        Objects.requireNonNull(command.objectionId(), "a resolution names its objection");
        if (command.outcome() == null) {
            throw Refusal.invalidField("OUTCOME_REQUIRED", "outcome", "an objection is UPHELD or DISMISSED");
        }
        String reason = reason(command.reason());
        String objectionId = command.objectionId().value();
        String item = notices.load(command.noticeId().value())
                .invoke(n -> n.resolve(objectionId, command.outcome(), reason, command.actor()));
        boolean upheld = command.outcome() == ObjectionResolution.UPHELD;
        List<String> rejected = upheld ? withdrawal.withdraw(item, UPHELD_PREFIX + reason, command.actor()) : List.of();
        return new Resolved(command.noticeId().value(), objectionId, item, command.outcome(), upheld,
                List.copyOf(rejected));
    }

    /** The officer's reason, stripped: REASON_REQUIRED or REASON_INVALID (422) otherwise. */
    static String reason(String reason) {
        if (Text.isBlank(reason)) {
            throw Refusal.invalidField("REASON_REQUIRED", "reason", "a resolution gives its reason (办理结果)");
        }
        String stripped = reason.strip();
        if (stripped.length() > Notice.REASON_LENGTH_MAX || Text.hasControlCharacters(stripped)) {
            throw Refusal.invalidField("REASON_INVALID", "reason",
                    "the reason has at most " + Notice.REASON_LENGTH_MAX + " characters and no control characters");
        }
        return stripped;
    }
}
