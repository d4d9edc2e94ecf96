package cn.fupin.ledger.query.place;

import cn.fupin.ledger.shared.place.FindTownshipsQuery;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.TownshipView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers place queries: the gazetteer's townships and villages with their poor-village designations. */
@Component
class PlaceQueries {

    private final Gazetteer gazetteer;
    private final PoorVillageRepository poorVillages;

    PlaceQueries(Gazetteer gazetteer, PoorVillageRepository poorVillages) {
        this.gazetteer = gazetteer;
        this.poorVillages = poorVillages;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<TownshipView> handle(FindTownshipsQuery query) {
        Map<String, List<Integer>> years = new HashMap<>();
        for (PoorVillageEntity designation : poorVillages.findAllByOrderByVillageCodeAscYearAsc()) {
            years.computeIfAbsent(designation.villageCode(), code -> new ArrayList<>()).add(designation.year());
        }
        return gazetteer.townships().stream()
                .map(township -> new TownshipView(township.code(), township.name(),
                        gazetteer.villagesOf(township.code()).stream()
                                .map(village -> {
                                    List<Integer> poor = years.getOrDefault(village.code(), List.of());
                                    return new TownshipView.VillageView(village.code(), village.name(),
                                            !poor.isEmpty(), List.copyOf(poor));
                                })
                                .toList()))
                .toList();
    }
}
