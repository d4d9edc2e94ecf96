package cn.fupin.ledger.query.assessment;

import cn.fupin.ledger.shared.assessment.FindTownshipAssessmentsQuery;
import cn.fupin.ledger.shared.assessment.TownshipAssessmentView;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers township assessment queries; the score is shown out of 100 with two decimals. */
@Component
class TownshipAssessmentQueries {

    private final TownshipAssessmentRepository assessments;
    private final Gazetteer gazetteer;

    TownshipAssessmentQueries(TownshipAssessmentRepository assessments, Gazetteer gazetteer) {
        this.assessments = assessments;
        this.gazetteer = gazetteer;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<TownshipAssessmentView> handle(FindTownshipAssessmentsQuery query) {
        return assessments.find(query.townshipCode(), query.year()).stream()
                .map(a -> new TownshipAssessmentView(a.townshipCode(),
                        gazetteer.township(a.townshipCode()).map(Place::name).orElse(null), a.year(),
                        BigDecimal.valueOf(a.scoreHundredths(), 2), a.documentNo(), a.recordedBy(), a.recordedAt()))
                .toList();
    }
}
