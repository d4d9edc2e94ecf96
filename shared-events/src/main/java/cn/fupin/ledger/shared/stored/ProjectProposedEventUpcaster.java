package cn.fupin.ledger.shared.stored;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ProjectProposedEvent} revision 1 → 2: revision 2 added the household project's subsidy standard in fen
 * ({@code subsidyStandardFen}), which no proposal of revision 1 stated, so it is {@code null}; nothing else changes.
 */
final class ProjectProposedEventUpcaster extends RevisionUpcaster {

    static final String TYPE = "cn.fupin.ledger.shared.project.ProjectProposedEvent";

    ProjectProposedEventUpcaster() {
        super(TYPE, "1", "2");
    }

    @Override
    void change(ObjectNode payload) {
        if (!payload.has("subsidyStandardFen")) {
            payload.putNull("subsidyStandardFen");
        }
    }
}
