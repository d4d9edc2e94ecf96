package cn.fupin.ledger.shared.audit;

import org.axonframework.serialization.Revision;

/**
 * Somebody tried to approve what they had asked for themselves — a project they proposed, a payment or grant batch
 * they requested, a payment held by an objection they resolved — and the ledger refused it (four eyes). The refused
 * command itself recorded nothing; this fact is recorded afterwards, in a transaction of its own, because a refused
 * attempt at self-dealing is itself something an auditor must be able to see (the red flag SELF_DEALING_ATTEMPT).
 *
 * @param code the refusal's code, e.g. {@code SAME_REQUESTER_AND_APPROVER} or {@code SAME_RESOLVER_AND_APPROVER}
 * @param command the refused command's simple name, e.g. {@code ApproveDisbursementCommand}
 * @param subjectId what the command would have approved: a project, disbursement or grant batch id
 * @param actor the user name of the person refused
 * @param role the role they acted in
 * @param requestId the request that was refused (a retry of it records nothing new)
 */
@Revision("1")
public record FourEyesRefusalRecordedEvent(String code, String command, String subjectId, String actor, String role,
                                           String requestId) {
}
