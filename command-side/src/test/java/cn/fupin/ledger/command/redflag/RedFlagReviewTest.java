package cn.fupin.ledger.command.redflag;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.redflag.RedFlagReviewedEvent;
import cn.fupin.ledger.shared.redflag.ReviewRedFlagCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.invalidField;

class RedFlagReviewTest {

    static final String FINDING = "IDLE_FUNDS/FUND-510824-2015-COUNTY/730";
    static final Actor AUDITOR = Actor.of("auditor", "AUDITOR");

    FixtureConfiguration<RedFlagReview> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(RedFlagReview.class);
    }

    private static ReviewRedFlagCommand review(String reason) {
        return new ReviewRedFlagCommand(FINDING, "IDLE_FUNDS", "FUND-510824-2015-COUNTY", reason, AUDITOR);
    }

    @Test
    void aFindingIsReviewedWithItsReasonByTheAuditor() {
        fixture.givenNoPriorActivity()
                .when(review(" 资金已于次年统筹安排 "))
                .expectEvents(new RedFlagReviewedEvent(FINDING, "IDLE_FUNDS", "FUND-510824-2015-COUNTY",
                        "资金已于次年统筹安排", "auditor"));
    }

    @Test
    void aFindingIsReviewedAgainInTheSameStream() {
        fixture.given(new RedFlagReviewedEvent(FINDING, "IDLE_FUNDS", "FUND-510824-2015-COUNTY", "先行核查", "auditor"))
                .when(review("已整改"))
                .expectEvents(new RedFlagReviewedEvent(FINDING, "IDLE_FUNDS", "FUND-510824-2015-COUNTY", "已整改",
                        "auditor"));
    }

    @Test
    void aReviewWithoutAReasonIsRefused() {
        fixture.givenNoPriorActivity()
                .when(review("  "))
                .expectNoEvents()
                .expectException(invalidField("REASON_REQUIRED", "reason"));
    }

    @Test
    void aReasonTooLongIsRefused() {
        fixture.givenNoPriorActivity()
                .when(review("理".repeat(ReviewRedFlagCommand.REASON_LENGTH_MAX + 1)))
                .expectNoEvents()
                .expectException(invalidField("REASON_INVALID", "reason"));
    }
}
