package cn.fupin.ledger.ops.audit;

import cn.fupin.ledger.ops.axon.AuditMetadata;
import cn.fupin.ledger.ops.idempotency.IdempotencyFilter;
import cn.fupin.ledger.shared.audit.FourEyesRefusalRecordedEvent;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records refused four-eyes attempts (approving what one proposed or requested, or paying what one cleared of an
 * objection) as facts: the red flag SELF_DEALING_ATTEMPT needs them, and a refusal otherwise leaves no trace.
 *
 * <p>Two halves. On the command bus, a handler interceptor notes a four-eyes refusal together with the refused
 * command (its subject and the audit metadata its sender put on it) on the HTTP request. Then the problem handler,
 * answering that refusal after the command's unit of work has rolled back, asks {@link #recordNoted} to record it:
 * in a transaction of its own (REQUIRES_NEW), so that it commits even when the request's own transaction (one with an
 * Idempotency-Key) rolls back, and the refused command itself still records nothing. The event's identifier is derived
 * from the actor, the refused request (its Idempotency-Key, or else its request id) and the subject, and the event
 * store keeps identifiers unique: a retry of the same request records nothing new.
 */
@Component
public class FourEyesRefusals implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The refusal codes of the four-eyes rules (command side: Project, Disbursement, GrantBatch, PublicityHold). */
    public static final Set<String> CODES = Set.of("SAME_REQUESTER_AND_APPROVER", "SAME_RESOLVER_AND_APPROVER");

    private static final Logger log = LoggerFactory.getLogger(FourEyesRefusals.class);
    private static final String NOTED = FourEyesRefusals.class.getName() + ".attempt";
    private static final String RECORDED = "SELECT COUNT(*) FROM domain_event_entry WHERE event_identifier = ?";

    /** A refused attempt as noted on the request: the event, its metadata and the identifier it is recorded under. */
    record Attempt(String eventId, FourEyesRefusalRecordedEvent event, Map<String, Object> metadata) {
    }

    private final EventBus eventBus;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    FourEyesRefusals(EventBus eventBus, JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.eventBus = eventBus;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Autowired
    void register(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (Exception e) {
            Refusal refusal = refusalIn(e);
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (refusal != null && CODES.contains(refusal.code()) && request != null) {
                Attempt attempt = attemptOf(unitOfWork.getMessage(), refusal.code(), idempotencyKey(request));
                if (attempt != null) {
                    request.setAttribute(NOTED, attempt, RequestAttributes.SCOPE_REQUEST);
                }
            }
            throw e;
        }
    }

    /**
     * Records the four-eyes attempt noted on the current request for {@code refusal}, if there is one, in a
     * transaction of its own; a second recording of the same attempt (a retried request) is dropped by the event
     * store's unique event identifier. Called by the problem handler as it answers a refusal.
     */
    public void recordNoted(Refusal refusal) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || !(request.getAttribute(NOTED, RequestAttributes.SCOPE_REQUEST) instanceof Attempt attempt)
                || !attempt.event().code().equals(refusal.code())) {
            return;
        }
        request.removeAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
        try {
            ownTransaction.executeWithoutResult(status -> {
                // A retry finds its attempt recorded; the unique identifier is left to settle only a race of two.
                if (jdbc.queryForObject(RECORDED, Integer.class, attempt.eventId()) == 0) {
                    eventBus.publish(new GenericEventMessage<>(attempt.eventId(), attempt.event(), attempt.metadata(),
                            clock.instant()));
                }
            });
        } catch (ConcurrencyException | DataIntegrityViolationException recordedBefore) {
            log.info("a retried four-eyes refusal was recorded before: {}", attempt.eventId());
        }
    }

    /** The attempt a refused command makes, or {@code null} for a command that approves nothing this names. */
    static Attempt attemptOf(CommandMessage<?> command, String code, String idempotencyKey) {
        Object payload = command.getPayload();
        String subject;
        if (payload instanceof ApproveProjectCommand approve) {
            subject = approve.projectId().value();
        } else if (payload instanceof ApproveDisbursementCommand approve) {
            subject = approve.disbursementId().value();
        } else if (payload instanceof ApproveGrantBatchCommand approve) {
            subject = approve.batchId().value();
        } else {
            return null;
        }
        Map<String, Object> metadata = new HashMap<>();
        for (String key : new String[]{AuditMetadata.ACTOR, AuditMetadata.ROLE, AuditMetadata.REQUEST_ID,
                AuditMetadata.REMOTE_ADDRESS}) {
            Object value = command.getMetaData().get(key);
            if (value != null) {
                metadata.put(key, value.toString());
            }
        }
        String actor = (String) metadata.get(AuditMetadata.ACTOR);
        String requestId = (String) metadata.get(AuditMetadata.REQUEST_ID);
        if (actor == null) {
            return null;
        }
        String retryKey = idempotencyKey != null ? "key:" + idempotencyKey : "request:" + requestId;
        String eventId = UUID.nameUUIDFromBytes(String.join("\n", "four-eyes-refusal", actor, retryKey, code, subject)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Attempt(eventId, new FourEyesRefusalRecordedEvent(code, payload.getClass().getSimpleName(), subject,
                actor, (String) metadata.get(AuditMetadata.ROLE), requestId), Map.copyOf(metadata));
    }

    private static String idempotencyKey(RequestAttributes request) {
        return request instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getHeader(IdempotencyFilter.HEADER) : null;
    }

    private static Refusal refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
