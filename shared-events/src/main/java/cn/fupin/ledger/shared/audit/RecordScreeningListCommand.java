package cn.fupin.ledger.shared.audit;

import java.util.List;

/**
 * Records a screening list an auditor uploaded, already reduced to keyed fingerprints: the plain ID numbers never
 * travel in a command (nor, then, in any log or interceptor that sees commands).
 */
public record RecordScreeningListCommand(String listId, ScreeningListKind kind, String name, String fileSha256,
                                         List<ScreeningEntry> entries) {

    public RecordScreeningListCommand {
        entries = List.copyOf(entries);
    }
}
