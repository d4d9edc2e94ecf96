package cn.fupin.ledger.query.assessment;

import cn.fupin.ledger.shared.assessment.FindTownshipAssessmentsQuery;
import cn.fupin.ledger.shared.assessment.TownshipAssessmentView;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/townships/{code}/assessments} (a township of the county; another code is 404) and
 * {@code GET /api/townships/assessments?year=} (every township, of one year where given).
 */
@RestController
class TownshipAssessmentQueryController {

    private final QueryGateway queries;
    private final Gazetteer gazetteer;

    TownshipAssessmentQueryController(QueryGateway queries, Gazetteer gazetteer) {
        this.queries = queries;
        this.gazetteer = gazetteer;
    }

    @GetMapping("/api/townships/{code}/assessments")
    List<TownshipAssessmentView> ofTownship(@PathVariable String code) {
        if (gazetteer.township(code).isEmpty()) {
            throw Refusal.notFound("TOWNSHIP_NOT_FOUND", "no township of the county has this code");
        }
        return find(new FindTownshipAssessmentsQuery(code, null));
    }

    @GetMapping("/api/townships/assessments")
    List<TownshipAssessmentView> ofYear(@RequestParam(required = false) Integer year) {
        if (year != null && !FiscalYear.isValid(year)) {
            throw Refusal.invalidField("YEAR_OUT_OF_RANGE", "year", "the year is outside 2000-2100");
        }
        return find(new FindTownshipAssessmentsQuery(null, year));
    }

    private List<TownshipAssessmentView> find(FindTownshipAssessmentsQuery query) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(TownshipAssessmentView.class)).join();
    }
}
