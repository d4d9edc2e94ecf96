package cn.fupin.ledger.shared.project;

/**
 * The projects whose start date falls in {@code year} (the year a project is planned in, as its proposal's rules read
 * it), by start date, then id: one year of the county's projects, however long its history, answered as
 * {@link ProjectSummaryView}s (what the county's pages list: a grant project's thousands of payments are counted, never
 * read).
 */
public record FindProjectsStartingInQuery(int year) {
}
