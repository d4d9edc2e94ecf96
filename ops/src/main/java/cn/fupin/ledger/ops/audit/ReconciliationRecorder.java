package cn.fupin.ledger.ops.audit;

import cn.fupin.ledger.ops.axon.AuditMetadata;
import cn.fupin.ledger.query.audit.reconciliation.Reconciliation;
import cn.fupin.ledger.query.audit.reconciliation.ReconciliationView;
import cn.fupin.ledger.shared.audit.ReconciliationDifference;
import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the reconciliation for the scheduled task ({@link ReconciliationSchedule}) and records its result as a
 * {@link ReconciliationRecordedEvent} when it changed from the last one recorded (agreement, the number of
 * differences, or the differences themselves) or when the last one is a day old ({@link #RECORD_AT_LEAST_EVERY}), so
 * that the history says when the books stopped or started agreeing without an event every hour.
 *
 * <p>The journal and the read models are written asynchronously: a run that finds differences runs again after
 * {@code ledger.audit.reconciliation-recheck} (10 s by default) and records that second result, so that a read model
 * a few events behind is not recorded as a difference.
 */
@Component
public class ReconciliationRecorder {

    static final Duration RECORD_AT_LEAST_EVERY = Duration.ofDays(1);
    static final String ACTOR = "system:reconciliation";

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRecorder.class);

    private final Reconciliation reconciliation;
    private final LastReconciliation last;
    private final EventBus eventBus;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration recheck;

    ReconciliationRecorder(Reconciliation reconciliation, LastReconciliation last, EventBus eventBus,
                           PlatformTransactionManager transactionManager, Clock clock,
                           @Value("${ledger.audit.reconciliation-recheck:10s}") Duration recheck) {
        this.reconciliation = reconciliation;
        this.last = last;
        this.eventBus = eventBus;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.recheck = recheck;
    }

    /** Reconciles now and records the result if it changed or a day passed; answers the event recorded, if one was. */
    public Optional<ReconciliationRecordedEvent> runAndRecord() {
        ReconciliationView result = reconciliation.run();
        if (!result.agrees() && !recheck.isZero()) {
            try {
                Thread.sleep(recheck.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            result = reconciliation.run();
        }
        List<ReconciliationDifference> kept = result.differences().size() > ReconciliationRecordedEvent.DIFFERENCES_MAX
                ? result.differences().subList(0, ReconciliationRecordedEvent.DIFFERENCES_MAX) : result.differences();
        ReconciliationRecordedEvent event = new ReconciliationRecordedEvent(result.upToGlobalIndex(), result.agrees(),
                result.differences().size(), kept, result.checkedAt());
        Optional<ReconciliationRecordedEvent> previous = last.last();
        if (previous.isPresent() && sameResult(previous.get(), event)
                && clock.instant().isBefore(previous.get().checkedAt().plus(RECORD_AT_LEAST_EVERY))) {
            return Optional.empty();
        }
        transaction.executeWithoutResult(status -> eventBus.publish(new GenericEventMessage<>(
                UUID.randomUUID().toString(), event, Map.of(AuditMetadata.ACTOR, ACTOR), clock.instant())));
        last.recorded(event);
        if (!event.agrees()) {
            log.warn("reconciliation: {} difference(s) between the journal, the aggregates and the read models up to"
                    + " global index {}; GET /api/audit/reconciliation names them", event.differenceCount(),
                    event.upToGlobalIndex());
        }
        return Optional.of(event);
    }

    private static boolean sameResult(ReconciliationRecordedEvent a, ReconciliationRecordedEvent b) {
        return a.agrees() == b.agrees() && a.differenceCount() == b.differenceCount()
                && a.differences().equals(b.differences());
    }
}
