package cn.fupin.ledger.shared.audit;

/**
 * One measure of one subject on which the ledger's three records of money disagree: the journal's postings, the
 * aggregate's own state (computed from its events by the aggregate's rules) and the read model the screens show. All
 * amounts are fen; a record that has nothing for the subject is null (counted as 0 when compared).
 *
 * @param subject    a fund id ({@code FUND-510824-2016-COUNTY}) or a project id
 * @param measure    {@code appropriated}, {@code available}, {@code reserved} (held and not paid) or {@code paid}
 * @param journal    what the journal's postings give, in fen
 * @param aggregate  what the aggregate holds, in fen; the authority, since the events are the ledger
 * @param readModel  what the read model holds, in fen
 * @param difference the journal less the aggregate when they differ, otherwise the read model less the aggregate, in
 *                   fen
 */
public record ReconciliationDifference(String subject, String measure, Long journal, Long aggregate, Long readModel,
                                       long difference) {
}
