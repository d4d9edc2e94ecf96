package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.GrantBatchApprovedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchRejectedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A batch of household start-up grants (增收项目启动资金) from one project on one voucher, id {@code GB-…}: its items
 * are disbursements of their own, requested together and approved or rejected together. Invariants enforced here:
 * <ul>
 *   <li>the batch is decided once: approved or rejected as a whole (its items rejected one by one before that are
 *       left out);</li>
 *   <li>the approver is not the requester (four eyes).</li>
 * </ul>
 * A batch is locked before its items, and they before the project, the households and the funds (see
 * {@link Payments}).
 */
@Aggregate
public class GrantBatch {

    @AggregateIdentifier
    private String batchId;
    private String projectId;
    private List<String> disbursementIds;
    private String requestedBy;
    private boolean decided;

    protected GrantBatch() {
        // Axon rebuilds the batch from its events.
    }

    /** Records a batch that the submitting handler has checked in full, item by item. */
    GrantBatch(GrantBatchSubmittedEvent submission) {
        apply(submission);
    }

    public String projectId() {
        return projectId;
    }

    /** The items in the order they were submitted. */
    public List<String> disbursementIds() {
        return disbursementIds;
    }

    public String requestedBy() {
        return requestedBy;
    }

    /** Refuses unless the batch is neither approved nor rejected yet (BATCH_NOT_PENDING). */
    void requireUndecided() {
        if (decided) {
            throw Refusal.conflict("BATCH_NOT_PENDING", "the grant batch was approved or rejected already");
        }
    }

    /** Refuses an approver who requested the batch (SAME_REQUESTER_AND_APPROVER). */
    void requireApprovableBy(Actor approver) {
        requireUndecided();
        if (approver.username().equals(requestedBy)) {
            throw Refusal.conflict("SAME_REQUESTER_AND_APPROVER",
                    "the person who requested a grant batch may not approve it (four eyes)");
        }
    }

    /** Records the approval of the {@code items} still requested, {@code totalFen} in all, approved just before. */
    void approve(int items, long totalFen, Actor approver) {
        requireApprovableBy(approver);
        if (items <= 0 || totalFen <= 0) {
            throw new IllegalArgumentException("a batch approval pays at least one item");
        }
        apply(new GrantBatchApprovedEvent(batchId, projectId, totalFen, items, approver.username()));
    }

    /** Records the rejection of the batch; its items still requested were rejected just before. */
    void reject(String reason, Actor actor) {
        requireUndecided();
        apply(new GrantBatchRejectedEvent(batchId, projectId, reason, actor.username()));
    }

    @EventSourcingHandler
    void on(GrantBatchSubmittedEvent event) {
        batchId = event.batchId();
        projectId = event.projectId();
        disbursementIds = List.copyOf(event.disbursementIds());
        requestedBy = event.requestedBy();
    }

    @EventSourcingHandler
    void on(GrantBatchApprovedEvent event) {
        decided = true;
    }

    @EventSourcingHandler
    void on(GrantBatchRejectedEvent event) {
        decided = true;
    }
}
