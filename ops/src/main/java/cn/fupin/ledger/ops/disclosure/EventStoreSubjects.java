package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.AffectedPages;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Where a project, a payment, a household and a notice belong, from the first event of its own stream in the event
 * store (its proposal, request, registration, publication; a household's last correction of village, if any): that event is committed before any later event of the
 * same aggregate, so the re-renderer never waits for a read model, nor depends on one, to place an event. Places of
 * projects, payments and notices never change, so those answers are kept (at most {@value #KEPT_MAX}, least recently used out first).
 */
@Component
class EventStoreSubjects implements AffectedPages.Subjects {

    static final int KEPT_MAX = 10_000;

    private final EventStore eventStore;
    private final Map<String, Optional<Object>> firstEvents = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Object>> eldest) {
            return size() > KEPT_MAX;
        }
    };

    EventStoreSubjects(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<String> placeOfProject(String projectId) {
        return first(projectId, ProjectProposedEvent.class)
                .map(proposed -> proposed.villageCode() != null ? proposed.villageCode() : proposed.townshipCode());
    }

    @Override
    public Optional<String> villageOfDisbursement(String disbursementId) {
        return first(disbursementId, DisbursementRequestedEvent.class).map(DisbursementRequestedEvent::villageCode);
    }

    /**
     * The household's village now: the last its stream names, at registration or in a correction
     * ({@link HouseholdVillageCorrectedEvent}). A household's place can change, so this one is read each time, not
     * kept; its stream is short (a registration, a few changes of status or corrections).
     */
    @Override
    public Optional<String> villageOfHousehold(String cardNo) {
        if (cardNo == null) {
            return Optional.empty();
        }
        String village = null;
        DomainEventStream stream = eventStore.readEvents(HouseholdCardNo.streamIdOf(cardNo), 0);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof HouseholdRegisteredEvent registered) {
                village = registered.villageCode();
            } else if (payload instanceof HouseholdVillageCorrectedEvent corrected) {
                village = corrected.villageCode();
            }
        }
        return Optional.ofNullable(village);
    }

    @Override
    public Optional<AffectedPages.NoticePlace> placeOfNotice(String noticeId) {
        return first(noticeId, NoticePublishedEvent.class)
                .map(published -> new AffectedPages.NoticePlace(published.level(), published.placeCode()));
    }

    private <T> Optional<T> first(String aggregateId, Class<T> type) {
        if (aggregateId == null) {
            return Optional.empty();
        }
        Optional<Object> first;
        synchronized (firstEvents) {
            first = firstEvents.get(aggregateId);
        }
        if (first == null) {
            DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
            first = stream.hasNext() ? Optional.ofNullable(stream.next().getPayload()) : Optional.empty();
            if (first.isPresent()) {
                synchronized (firstEvents) {
                    firstEvents.put(aggregateId, first);
                }
            }
        }
        return first.filter(type::isInstance).map(type::cast);
    }
}
