package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.disbursement.GrantBatchApprovedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchRejectedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;

/** A grant batch's own steps: decided once, approved or rejected as a whole, four eyes. */
class GrantBatchTest {

    static final String BATCH = "GB-2016-0001";
    static final String PROJECT = "PRJ-2016-0002";
    static final Actor CLERK = Actor.of("clerk", "CLERK");
    static final Actor APPROVER = Actor.of("approver", "APPROVER");

    record Approve(int items, long totalFen, Actor approver) {
    }

    record Reject(String reason, Actor actor) {
    }

    FixtureConfiguration<GrantBatch> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(GrantBatch.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(Approve command) {
                fixture.getRepository().load(BATCH)
                        .execute(b -> b.approve(command.items(), command.totalFen(), command.approver()));
            }

            @CommandHandler
            void handle(Reject command) {
                fixture.getRepository().load(BATCH).execute(b -> b.reject(command.reason(), command.actor()));
            }
        });
    }

    static GrantBatchSubmittedEvent submitted() {
        return new GrantBatchSubmittedEvent(BATCH, PROJECT, "苍扶拨〔2016〕10号",
                List.of("DSB-2016-0001", "DSB-2016-0002"), 600_000L, "clerk");
    }

    @Test
    void aBatchIsApprovedWithTheCountAndTotalOfWhatWasPaid() {
        fixture.given(submitted())
                .when(new Approve(2, 600_000L, APPROVER))
                .expectEvents(new GrantBatchApprovedEvent(BATCH, PROJECT, 600_000L, 2, "approver"));
    }

    @Test
    void aBatchIsRejected() {
        fixture.given(submitted())
                .when(new Reject("名单未经公示", APPROVER))
                .expectEvents(new GrantBatchRejectedEvent(BATCH, PROJECT, "名单未经公示", "approver"));
    }

    @Nested
    class Refuses {

        @Test
        void anApprovalByTheRequester() {
            fixture.given(submitted())
                    .when(new Approve(2, 600_000L, CLERK))
                    .expectException(conflict("SAME_REQUESTER_AND_APPROVER"))
                    .expectNoEvents();
        }

        @Test
        void aSecondApproval() {
            fixture.given(submitted(), new GrantBatchApprovedEvent(BATCH, PROJECT, 600_000L, 2, "approver"))
                    .when(new Approve(2, 600_000L, APPROVER))
                    .expectException(conflict("BATCH_NOT_PENDING"))
                    .expectNoEvents();
        }

        @Test
        void aRejectionOfAnApprovedBatch() {
            fixture.given(submitted(), new GrantBatchApprovedEvent(BATCH, PROJECT, 600_000L, 2, "approver"))
                    .when(new Reject("名单未经公示", APPROVER))
                    .expectException(conflict("BATCH_NOT_PENDING"))
                    .expectNoEvents();
        }

        @Test
        void anApprovalOfARejectedBatch() {
            fixture.given(submitted(), new GrantBatchRejectedEvent(BATCH, PROJECT, "名单未经公示", "approver"))
                    .when(new Approve(2, 600_000L, APPROVER))
                    .expectException(conflict("BATCH_NOT_PENDING"))
                    .expectNoEvents();
        }
    }

    @Test
    void anApprovalOfNothingFailsLoudly() {
        fixture.given(submitted())
                .when(new Approve(0, 0L, APPROVER))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
