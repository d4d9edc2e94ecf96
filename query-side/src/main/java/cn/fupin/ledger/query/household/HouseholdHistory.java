package cn.fupin.ledger.query.household;

import cn.fupin.ledger.shared.household.CadreRelativeDeclaredEvent;
import cn.fupin.ledger.shared.household.FindHouseholdHistoryQuery;
import cn.fupin.ledger.shared.household.HouseholdBankCardCorrectedEvent;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdHistoryEntry;
import cn.fupin.ledger.shared.household.HouseholdPersonalDataViewedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantReleasedEvent;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import cn.fupin.ledger.shared.stored.KnownEvents;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A household's facts as staff read them, from the household's own stream in the event store: every fact of it is an
 * event of that stream (registration, changes of status, corrections, declared relatives, grant claims, views of its
 * personal data), so the page is exact without a read model of its own, and short (at most {@value #FACTS_MAX}).
 * Personal numbers appear masked only, as the events hold them besides their ciphertexts.
 */
@Component
class HouseholdHistory {

    static final int FACTS_MAX = 500;

    private final EventStore eventStore;

    HouseholdHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public List<HouseholdHistoryEntry> handle(FindHouseholdHistoryQuery query) {
        HouseholdCardNo card;
        try {
            card = new HouseholdCardNo(query.cardNo());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<HouseholdHistoryEntry> facts = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(card.streamId(), 0);
        while (stream.hasNext() && facts.size() < FACTS_MAX) {
            DomainEventMessage<?> message = stream.next();
            Object payload = KnownEvents.require(message.getPayload(), message.getIdentifier());
            HouseholdHistoryEntry entry = entryOf(message, payload);
            if (entry != null) {
                facts.add(entry);
            }
        }
        return facts;
    }

    private static HouseholdHistoryEntry entryOf(DomainEventMessage<?> message, Object payload) {
        long sequence = message.getSequenceNumber();
        var at = message.getTimestamp();
        if (payload instanceof HouseholdRegisteredEvent e) {
            return new HouseholdHistoryEntry(sequence, "REGISTERED", at, "village " + e.villageCode() + ", "
                    + e.members() + " members, bank card " + e.bankCardMasked(), null);
        } else if (payload instanceof HouseholdExitedEvent e) {
            return new HouseholdHistoryEntry(sequence, "EXITED", at, String.valueOf(e.year()), e.reason());
        } else if (payload instanceof HouseholdReturnedEvent e) {
            return new HouseholdHistoryEntry(sequence, "RETURNED", at, String.valueOf(e.year()), e.reason());
        } else if (payload instanceof HouseholdBankCardCorrectedEvent e) {
            return new HouseholdHistoryEntry(sequence, "BANK_CARD_CORRECTED", at,
                    e.previousBankCardMasked() + " → " + e.bankCardMasked(), e.reason());
        } else if (payload instanceof HouseholdVillageCorrectedEvent e) {
            return new HouseholdHistoryEntry(sequence, "VILLAGE_CORRECTED", at,
                    e.previousVillageCode() + " → " + e.villageCode(), e.reason());
        } else if (payload instanceof CadreRelativeDeclaredEvent e) {
            return new HouseholdHistoryEntry(sequence, "CADRE_RELATIVE_DECLARED", at, e.cadre(), e.reason());
        } else if (payload instanceof HouseholdStartupGrantClaimedEvent e) {
            return new HouseholdHistoryEntry(sequence, "STARTUP_GRANT_CLAIMED", at, e.disbursementId(), null);
        } else if (payload instanceof HouseholdStartupGrantReleasedEvent e) {
            return new HouseholdHistoryEntry(sequence, "STARTUP_GRANT_RELEASED", at, e.disbursementId(), e.outcome());
        } else if (payload instanceof HouseholdPersonalDataViewedEvent e) {
            return new HouseholdHistoryEntry(sequence, "PERSONAL_DATA_VIEWED", at, "", e.reason());
        }
        return null;
    }
}
