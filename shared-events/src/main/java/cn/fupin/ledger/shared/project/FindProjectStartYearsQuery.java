package cn.fupin.ledger.shared.project;

/**
 * The years in which an approved project starts (one approved at some time, which the public pages show), newest first,
 * as a list of {@code Integer}. A proposal not yet approved names no year: the public pages do not know of it.
 */
public record FindProjectStartYearsQuery() {
}
