package cn.fupin.ledger.shared.disclosure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a notice's publicity period has ended; sent by the deadline scheduled when it was published.
 * Idempotent: a notice whose end is recorded records nothing new. The rules never wait for it: every decision
 * compares the period's end with the ledger's clock.
 */
public record EndNoticePeriodCommand(@TargetAggregateIdentifier NoticeId noticeId) {
}
