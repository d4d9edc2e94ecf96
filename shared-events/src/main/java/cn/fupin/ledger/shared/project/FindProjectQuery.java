package cn.fupin.ledger.shared.project;

/** One project with its budget lines and the history of its steps. */
public record FindProjectQuery(String projectId) {
}
