package cn.fupin.ledger.query.place;

import cn.fupin.ledger.shared.place.FindTownshipsQuery;
import cn.fupin.ledger.shared.place.TownshipView;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/places/townships}: the county's townships and villages. */
@RestController
class PlaceQueryController {

    private final QueryGateway queries;

    PlaceQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/places/townships")
    List<TownshipView> townships() {
        return queries.query(new FindTownshipsQuery(), ResponseTypes.multipleInstancesOf(TownshipView.class)).join();
    }
}
