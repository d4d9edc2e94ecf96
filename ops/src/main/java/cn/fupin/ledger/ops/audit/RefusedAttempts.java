package cn.fupin.ledger.ops.audit;

import cn.fupin.ledger.ops.axon.AuditMetadata;
import cn.fupin.ledger.ops.idempotency.IdempotencyFilter;
import cn.fupin.ledger.shared.common.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Records refused attempts that auditors need to see as facts — self-approvals refused by four eyes
 * ({@link FourEyesRefusals}), register rows refused for a card or ID number another household holds
 * ({@link SharedNumberRefusals}) — although a refused command records nothing.
 *
 * <p>Two halves. On the command bus, a handler interceptor asks each {@link Recognizer} whether the refusal of the
 * command is such an attempt, and notes the fact on the HTTP request (or, for a command sent outside a request, such as
 * the demo loader's, on the sending thread: the command bus handles a command on the thread that sends it). Then the
 * problem handler (or that sender), answering that refusal after the command's unit of work has rolled back, asks
 * {@link #recordNoted} to record it: in a transaction of its
 * own (REQUIRES_NEW), so that it commits even when the request's own transaction (one with an Idempotency-Key) rolls
 * back, and the refused command itself still records nothing. The event's identifier is derived from the actor, the
 * refused request (its Idempotency-Key, or else its request id), the code and the subject, and the event store keeps
 * identifiers unique: a retry of the same request records nothing new.
 */
@Component
public class RefusedAttempts implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Tells which refusals of which commands are attempts auditors must see, and the fact each is. */
    interface Recognizer {

        /**
         * The fact the refusal of {@code command} is, or {@code null} when it is not one to record. {@code retryKey}
         * names the request (a retry has the same), for {@link #eventId}.
         */
        Attempt attemptOf(CommandMessage<?> command, Refusal refusal, String retryKey);
    }

    /** A refused attempt as noted on the request: the event, its metadata and the identifier it is recorded under. */
    record Attempt(String eventId, Object event, String code, Map<String, Object> metadata) {
    }

    private static final Logger log = LoggerFactory.getLogger(RefusedAttempts.class);
    private static final String NOTED = RefusedAttempts.class.getName() + ".attempt";
    private static final String RECORDED = "SELECT COUNT(*) FROM domain_event_entry WHERE event_identifier = ?";

    /** An attempt noted outside an HTTP request, with the very refusal it answers. */
    private record Noted(Refusal refusal, Attempt attempt) {
    }

    private static final ThreadLocal<Noted> NOTED_ON_THREAD = new ThreadLocal<>();

    private final List<Recognizer> recognizers;
    private final EventBus eventBus;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    RefusedAttempts(List<Recognizer> recognizers, EventBus eventBus, JdbcTemplate jdbc,
                    PlatformTransactionManager transactionManager, Clock clock) {
        this.recognizers = List.copyOf(recognizers);
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
            if (refusal != null) {
                note(unitOfWork.getMessage(), refusal);
            }
            throw e;
        }
    }

    /**
     * Records the attempt noted on the current request for {@code refusal}, if there is one, in a transaction of its
     * own; a second recording of the same attempt (a retried request) is dropped by the event store's unique event
     * identifier. Called by the problem handler as it answers a refusal.
     */
    public void recordNoted(Refusal refusal) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Attempt attempt;
        if (request != null) {
            if (!(request.getAttribute(NOTED, RequestAttributes.SCOPE_REQUEST) instanceof Attempt noted)
                    || !noted.code().equals(refusal.code())) {
                return;
            }
            request.removeAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
            attempt = noted;
        } else {
            Noted noted = NOTED_ON_THREAD.get();
            NOTED_ON_THREAD.remove();
            if (noted == null || noted.refusal() != refusal) {
                return;
            }
            attempt = noted.attempt();
        }
        try {
            ownTransaction.executeWithoutResult(status -> {
                // A retry finds its attempt recorded; the unique identifier is left to settle only a race of two.
                if (jdbc.queryForObject(RECORDED, Integer.class, attempt.eventId()) == 0) {
                    eventBus.publish(new GenericEventMessage<>(attempt.eventId(), attempt.event(), attempt.metadata(),
                            clock.instant()));
                }
            });
        } catch (ConcurrencyException | DataIntegrityViolationException recordedBefore) {
            log.info("a retried refused attempt was recorded before: {}", attempt.eventId());
        }
    }

    private void note(CommandMessage<?> command, Refusal refusal) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String retryKey = retryKey(request, command);
        for (Recognizer recognizer : recognizers) {
            Attempt attempt = recognizer.attemptOf(command, refusal, retryKey);
            if (attempt != null) {
                if (request != null) {
                    request.setAttribute(NOTED, attempt, RequestAttributes.SCOPE_REQUEST);
                } else {
                    NOTED_ON_THREAD.set(new Noted(refusal, attempt));
                }
                return;
            }
        }
    }

    /** The audit metadata the refused command's sender put on it (actor, role, request id, address), as text. */
    static Map<String, Object> metadataOf(CommandMessage<?> command) {
        Map<String, Object> metadata = new HashMap<>();
        for (String key : new String[]{AuditMetadata.ACTOR, AuditMetadata.ROLE, AuditMetadata.REQUEST_ID,
                AuditMetadata.REMOTE_ADDRESS}) {
            Object value = command.getMetaData().get(key);
            if (value != null) {
                metadata.put(key, value.toString());
            }
        }
        return Map.copyOf(metadata);
    }

    /** The identifier an attempt is recorded under: the same request refused again gives the same one. */
    static String eventId(String kind, String actor, String retryKey, String code, String subject) {
        return UUID.nameUUIDFromBytes(String.join("\n", kind, actor, retryKey, code, subject)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String retryKey(RequestAttributes request, CommandMessage<?> command) {
        String idempotencyKey = request instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getHeader(IdempotencyFilter.HEADER) : null;
        Object requestId = command.getMetaData().get(AuditMetadata.REQUEST_ID);
        return idempotencyKey != null ? "key:" + idempotencyKey : "request:" + requestId;
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
