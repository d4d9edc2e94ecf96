package cn.fupin.ledger.query.household;

import cn.fupin.ledger.shared.household.FindHouseholdQuery;
import cn.fupin.ledger.shared.household.HouseholdView;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.shared.household.HouseholdSummary;
import cn.fupin.ledger.shared.household.SearchHouseholdsQuery;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers household queries from the register read model, with the household's start-up grants; personal numbers are
 * masked.
 */
@Component
class HouseholdQueries {

    private final HouseholdRepository households;
    private final HouseholdStatusChangeRepository changes;
    private final HouseholdGrantRepository grants;
    private final Gazetteer gazetteer;

    HouseholdQueries(HouseholdRepository households, HouseholdStatusChangeRepository changes,
                     HouseholdGrantRepository grants, Gazetteer gazetteer) {
        this.households = households;
        this.changes = changes;
        this.grants = grants;
        this.gazetteer = gazetteer;
    }

    /** The heads' full names of a village, for the staff's print copy of its grant list (never a public page). */
    @QueryHandler
    @Transactional(readOnly = true)
    public java.util.List<cn.fupin.ledger.shared.household.HeadNameView> handle(
            cn.fupin.ledger.shared.household.FindVillageHeadNamesQuery query) {
        return households.findByVillageCodeOrderByCardNo(query.villageCode()).stream()
                .map(h -> new cn.fupin.ledger.shared.household.HeadNameView(h.cardNo(), h.headName()))
                .toList();
    }

    /** A page of the register by card prefix, part of the head's name and village, in card number order. */
    @QueryHandler
    @Transactional(readOnly = true)
    public List<HouseholdSummary> handle(SearchHouseholdsQuery query) {
        return households.search(like(query.cardNo()), like(query.headName()), blankAsNull(query.villageCode()),
                        blankAsNull(query.afterCardNo()), PageRequest.of(0, query.limit())).stream()
                .map(h -> new HouseholdSummary(h.cardNo(), h.headName(), h.villageCode(),
                        gazetteer.village(h.villageCode()).map(Place::name).orElse(null), h.status()))
                .toList();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The text with LIKE's wildcards taken literally (escaped by {@code !}): a typed {@code %} or {@code _} matches itself. */
    private static String like(String text) {
        String value = blankAsNull(text);
        return value == null ? null : value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
                grants.findByCardNoOrderByRequestedAtAscDisbursementIdAsc(h.cardNo()).stream()
                        .map(g -> new HouseholdView.Grant(g.disbursementId(), g.projectId(), g.amountFen(),
                                g.status().name()))
                        .toList()));
    }
}
