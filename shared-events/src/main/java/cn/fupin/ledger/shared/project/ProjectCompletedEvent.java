package cn.fupin.ledger.shared.project;

import org.axonframework.serialization.Revision;

/** The works of a project are finished (完工), recorded by {@code completedBy}; {@code note} may be {@code null}. */
@Revision("1")
public record ProjectCompletedEvent(String projectId, String note, String completedBy) {
}
