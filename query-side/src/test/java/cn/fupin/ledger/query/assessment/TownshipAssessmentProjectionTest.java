package cn.fupin.ledger.query.assessment;

import cn.fupin.ledger.shared.assessment.FindTownshipAssessmentsQuery;
import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import cn.fupin.ledger.shared.assessment.TownshipAssessmentView;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest(showSql = false)
class TownshipAssessmentProjectionTest {

    static final Instant T0 = Instant.parse("2071-01-10T02:00:00Z");

    @Autowired
    TownshipAssessmentRepository assessments;

    TownshipAssessmentProjection projection;
    TownshipAssessmentQueries queries;

    @BeforeEach
    void wire() {
        projection = new TownshipAssessmentProjection(assessments);
        queries = new TownshipAssessmentQueries(assessments, Gazetteer.forCounty("510824"));
    }

    @Test
    void anAssessmentIsShownOutOfAHundredWithTwoDecimalsAndTheTownshipsName() {
        projection.on(new TownshipAssessedEvent("510824100", 2070, 9250, "苍委办〔2071〕1号", "clerk"), 0, T0);

        assertThat(queries.handle(new FindTownshipAssessmentsQuery("510824100", null))).containsExactly(
                new TownshipAssessmentView("510824100", "陵江镇", 2070, new BigDecimal("92.50"), "苍委办〔2071〕1号",
                        "clerk", T0));
    }

    @Test
    void aRedeliveredAssessmentIsStoredOnceAndACorrectionIsARowOfItsOwn() {
        TownshipAssessedEvent first = new TownshipAssessedEvent("510824102", 2070, 8000, "苍委办〔2071〕2号", "clerk");
        TownshipAssessedEvent correction = new TownshipAssessedEvent("510824102", 2070, 8100, "苍委办〔2071〕3号", "clerk");
        projection.on(first, 0, T0);
        projection.on(first, 0, T0);
        projection.on(correction, 1, T0.plusSeconds(60));

        assertThat(queries.handle(new FindTownshipAssessmentsQuery("510824102", 2070)))
                .extracting(TownshipAssessmentView::score)
                .containsExactly(new BigDecimal("80.00"), new BigDecimal("81.00"));
    }

    @Test
    void theQueryFiltersByTownshipAndByYear() {
        projection.on(new TownshipAssessedEvent("510824104", 2069, 7000, "D1", "clerk"), 0, T0);
        projection.on(new TownshipAssessedEvent("510824104", 2070, 7100, "D2", "clerk"), 1, T0);
        projection.on(new TownshipAssessedEvent("510824105", 2070, 7200, "D3", "clerk"), 0, T0);

        assertThat(queries.handle(new FindTownshipAssessmentsQuery(null, 2070)))
                .extracting(TownshipAssessmentView::documentNo).containsExactly("D2", "D3");
        assertThat(queries.handle(new FindTownshipAssessmentsQuery("510824104", null)))
                .extracting(TownshipAssessmentView::documentNo).containsExactly("D1", "D2");
        assertThat(queries.handle(new FindTownshipAssessmentsQuery("510824105", 2069))).isEmpty();
    }

    @Test
    void aResetForgetsEveryAssessment() {
        projection.on(new TownshipAssessedEvent("510824104", 2069, 7000, "D1", "clerk"), 0, T0);
        projection.reset();

        assertThat(assessments.count()).isZero();
    }
}
