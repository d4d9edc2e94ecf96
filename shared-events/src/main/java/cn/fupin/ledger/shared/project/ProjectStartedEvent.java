package cn.fupin.ledger.shared.project;

import org.axonframework.serialization.Revision;

/** An approved project started on site (开工) and is being implemented; recorded by {@code startedBy}. */
@Revision("1")
public record ProjectStartedEvent(String projectId, String startedBy) {
}
