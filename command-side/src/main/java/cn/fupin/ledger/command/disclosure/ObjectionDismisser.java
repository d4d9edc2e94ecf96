package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disclosure.DismissObjectionsAsDuplicatesCommand;
import cn.fupin.ledger.shared.disclosure.ObjectionId;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Dismisses many objections to one notice at once as duplicates of one (重复异议), so that a flood of identical
 * objections does not hold a county's payments until each is answered alone: the reason and the number are checked
 * here, then the notice records one dismissal per objection, naming the original, in one unit of work — all or none.
 * A dismissal releases its item's hold exactly as a dismissal one by one does; the officer counts as its resolver (so
 * another officer approves the payments it held: SAME_RESOLVER_AND_APPROVER).
 */
@Component
class ObjectionDismisser {

    /** What the dismissal recorded. */
    record Dismissed(String noticeId, String duplicateOf, int dismissed, List<String> objectionIds) {
    }

    private final Notices notices;

    @Autowired
    ObjectionDismisser(Configuration axon) {
        this(Notices.of(axon));
    }

    ObjectionDismisser(Notices notices) {
        this.notices = notices;
    }

    @CommandHandler
    Dismissed handle(DismissObjectionsAsDuplicatesCommand command) {
        Objects.requireNonNull(command.actor(), "a dismissal carries who dismisses");
        Objects.requireNonNull(command.noticeId(), "a dismissal names its notice");
        String reason = ObjectionResolver.reason(command.reason());
        if (command.duplicateOf() == null) {
            throw Refusal.invalidField("DUPLICATE_OF_REQUIRED", "duplicateOf",
                    "name the objection the others duplicate");
        }
        List<ObjectionId> given = command.objectionIds();
        if (given == null || given.isEmpty() || given.stream().anyMatch(Objects::isNull)) {
            throw Refusal.invalidField("OBJECTION_IDS_REQUIRED", "objectionIds",
                    "name at least one objection to dismiss, each by its id");
        }
        if (given.size() > DismissObjectionsAsDuplicatesCommand.OBJECTIONS_MAX) {
            throw Refusal.invalidField("TOO_MANY_OBJECTIONS", "objectionIds", "at most "
                    + DismissObjectionsAsDuplicatesCommand.OBJECTIONS_MAX + " objections are dismissed at once");
        }
        List<String> objectionIds = given.stream().map(ObjectionId::value).toList();
        String duplicateOf = command.duplicateOf().value();
        notices.load(command.noticeId().value())
                .execute(notice -> notice.dismissAsDuplicates(objectionIds, duplicateOf, reason, command.actor()));
        return new Dismissed(command.noticeId().value(), duplicateOf, objectionIds.size(), objectionIds);
    }
}
