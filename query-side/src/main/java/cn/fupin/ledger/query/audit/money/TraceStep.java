package cn.fupin.ledger.query.audit.money;

import java.time.Instant;

/**
 * One step of the money's path, for one appropriation's share of it: {@code step} is APPROPRIATED, RESERVED (for a
 * project), RELEASED (back to the fund), PAID (a disbursement's approval, to a household or village) or REVERSED;
 * {@code amountFen} is the part of the event's money that came from appropriation {@code appropriationId}
 * (document {@code documentNo}) by the OLDEST_MONEY_FIRST rule. The event behind it is named by id, global index,
 * timestamp (ledger time), type and actor.
 */
public record TraceStep(String step, String eventId, long globalIndex, Instant at, String actor, String eventType,
                        String fundId, String appropriationId, String documentNo, String projectId,
                        String disbursementId, String payeeKind, String payee, long amountFen) {

    static final String CSV_HEADER = "step,eventId,globalIndex,at,actor,eventType,fundId,appropriationId,documentNo,"
            + "projectId,disbursementId,payeeKind,payee,amountFen";

    java.util.List<Object> cells() {
        return java.util.Arrays.asList(step, eventId, globalIndex, at, actor, eventType, fundId, appropriationId,
                documentNo, projectId, disbursementId, payeeKind, payee, amountFen);
    }
}
