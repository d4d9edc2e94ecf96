package cn.fupin.ledger.shared.audit;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A register import was refused because rows name a bank card or an ID number that another household holds (代管存折,
 * 重复享受 tried through the register). The refused import itself recorded nothing; this fact is recorded afterwards,
 * in a transaction of its own, so that the attempt stays visible to auditors (the red flag SHARED_PAYEE).
 *
 * @param importId the refused import's id (never recorded otherwise)
 * @param fileName the file as the clerk named it
 * @param fileSha256 the SHA-256 of the file's bytes
 * @param numbers every number of the file that was refused as held by another household
 * @param actor the user name of the clerk whose import was refused
 * @param role the role they acted in
 * @param requestId the request that was refused (a retry of it records nothing new)
 */
@Revision("1")
public record SharedNumberRefusalRecordedEvent(String importId, String fileName, String fileSha256,
                                               List<RefusedNumber> numbers, String actor, String role,
                                               String requestId) {

    public SharedNumberRefusalRecordedEvent {
        numbers = List.copyOf(numbers);
    }
}
