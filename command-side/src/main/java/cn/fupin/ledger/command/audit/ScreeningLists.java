package cn.fupin.ledger.command.audit;

import cn.fupin.ledger.shared.audit.RecordScreeningListCommand;
import cn.fupin.ledger.shared.audit.ScreeningListUploadedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Records an uploaded screening list. A list is a fact of its own, not the state of anything that decides later
 * commands, so it is published as an event outside any aggregate (as the record of a register import is), through
 * the command bus so that it carries who uploaded it, in which role and under which request.
 */
@Component
class ScreeningLists {

    private final EventStore eventStore;

    ScreeningLists(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @CommandHandler
    void handle(RecordScreeningListCommand command) {
        if (command.entries().isEmpty() || command.entries().size() > ScreeningListParser.ENTRIES_MAX) {
            throw new IllegalArgumentException("a screening list holds 1 to " + ScreeningListParser.ENTRIES_MAX
                    + " people");
        }
        eventStore.publish(GenericEventMessage.asEventMessage(new ScreeningListUploadedEvent(command.listId(),
                command.kind(), command.name(), command.fileSha256(), command.entries())));
    }
}
