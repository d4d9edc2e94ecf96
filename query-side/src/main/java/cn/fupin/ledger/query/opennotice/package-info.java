/**
 * The notices open for objection now (公示中), across every level, for the county page's summary: read from the
 * notices read model's table, whose period-ended flag the {@code NoticePeriodEndedEvent} sets.
 */
package cn.fupin.ledger.query.opennotice;
