package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.disclosure.publisher.AutomaticNotices;
import cn.fupin.ledger.disclosure.publisher.AutomaticPublisher;
import cn.fupin.ledger.disclosure.publisher.EventHistories;
import cn.fupin.ledger.disclosure.publisher.NoticeSender;
import cn.fupin.ledger.disclosure.publisher.PublicationRetry;
import cn.fupin.ledger.disclosure.publisher.SkipRecorder;
import cn.fupin.ledger.shared.place.Gazetteer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Assembles the automatic publisher of the disclosure module (processing group {@code disclosure-publisher}): its
 * publications are sent as the system process {@code system:disclosure-publisher}, each notice is public for the
 * configured period ({@code ledger.disclosure.period-days}), and a notice whose project names no supervision phone
 * shows the county's ({@code ledger.disclosure.supervision-phone}). That phone is county configuration, required: a
 * plan or list of a project that names no phone of its own would otherwise be refused, and its payments could never be
 * disclosed, so the ledger refuses to start without it. A notice the publisher has to skip is recorded as skipped work,
 * by the same system process, and officers retry it ({@link PublicationRetry}, in one transaction of the event store's).
 */
@Configuration
public class PublisherConfiguration {

    @Bean
    AutomaticNotices automaticNotices(Gazetteer gazetteer,
                                      @Value("${ledger.disclosure.period-days:10}") int periodDays,
                                      @Value("${ledger.disclosure.supervision-phone:}") String supervisionPhone) {
        if (supervisionPhone.isBlank()) {
            throw new IllegalStateException("ledger.disclosure.supervision-phone is not set: every project notice names "
                    + "where to report (监督电话); set the county poverty-alleviation office's number");
        }
        return new AutomaticNotices(gazetteer, periodDays, supervisionPhone.strip());
    }

    @Bean
    AutomaticPublisher automaticPublisher(AutomaticNotices automaticNotices, EventStore eventStore,
                                          CommandGateway commands, EventHistories histories) {
        NoticeSender sender = command -> Actors.runAsSystem(AutomaticNotices.PROCESS,
                () -> commands.sendAndWait(command));
        SkipRecorder skips = command -> Actors.runAsSystem(AutomaticNotices.PROCESS,
                () -> commands.sendAndWait(command));
        return new AutomaticPublisher(automaticNotices, eventStore, sender, skips, histories);
    }

    @Bean
    PublicationRetry publicationRetry(AutomaticPublisher automaticPublisher, EventStore eventStore,
                                      TransactionManager transactionManager) {
        return new PublicationRetry(automaticPublisher, eventStore, transactionManager);
    }
}
