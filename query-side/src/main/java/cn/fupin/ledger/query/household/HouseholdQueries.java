package cn.fupin.ledger.query.household;

import cn.fupin.ledger.shared.household.FindHouseholdQuery;
import cn.fupin.ledger.shared.household.HouseholdView;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers household queries from the register read model; personal numbers are masked. */
@Component
class HouseholdQueries {

    private final HouseholdRepository households;
    private final HouseholdStatusChangeRepository changes;
    private final Gazetteer gazetteer;

    HouseholdQueries(HouseholdRepository households, HouseholdStatusChangeRepository changes, Gazetteer gazetteer) {
        this.households = households;
        this.changes = changes;
        this.gazetteer = gazetteer;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<HouseholdView> handle(FindHouseholdQuery query) {
        return households.findById(query.cardNo()).map(h -> new HouseholdView(h.cardNo(), h.headName(),
                h.idNumberMasked(), h.bankCardMasked(), h.villageCode(),
                gazetteer.village(h.villageCode()).map(Place::name).orElse(null), h.townshipCode(),
                gazetteer.township(h.townshipCode()).map(Place::name).orElse(null), h.members(), h.migrant(),
                h.status(),
                changes.findByCardNoOrderBySequenceNumberAsc(h.cardNo()).stream()
                        .map(c -> new HouseholdView.StatusChange(c.status(), c.year(), c.reason(), c.recordedAt()))
                        .toList(),
                List.of()));
    }
}
