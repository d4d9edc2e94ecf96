package cn.fupin.ledger.shared.audit;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An auditor uploaded a screening list {@code listId} of the given {@code kind} under {@code name}, holding
 * {@code entries} (at most 50,000, in the file's order, each once): keyed fingerprints of ID numbers, never the
 * numbers. The red flag DECEASED_OR_PUBLIC_EMPLOYEE matches the households' ID numbers against every list uploaded.
 *
 * @param fileSha256 the SHA-256 of the uploaded file (hex), so the file an auditor kept can be shown to be this list
 */
@Revision("1")
public record ScreeningListUploadedEvent(String listId, ScreeningListKind kind, String name, String fileSha256,
                                         List<ScreeningEntry> entries) {

    public ScreeningListUploadedEvent {
        entries = List.copyOf(entries);
    }
}
