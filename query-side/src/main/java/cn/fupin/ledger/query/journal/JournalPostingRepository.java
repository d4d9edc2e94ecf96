package cn.fupin.ledger.query.journal;

import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface JournalPostingRepository extends JpaRepository<JournalPostingEntity, Long> {

    /**
     * How many lines the event has posted. A query of its own text (Hibernate keeps its translation; a derived
     * {@code existsBy…} query is built and translated again on every call), asked without flushing the batch's unit of
     * work first (a flush walks every entity the batch holds, once per event): the journal's lines are inserted as
     * they are saved (their ids come from the database), so the query sees the batch's own lines all the same.
     */
    @Query("select count(p) from JournalPostingEntity p where p.eventId = :eventId")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    long linesPosted(String eventId);

    /** {account, balance in fen} of every account with a posting up to {@code asOf}, summed by the database. */
    @Query("select p.account, sum(p.amountFen) from JournalPostingEntity p where p.postedAt <= :asOf"
            + " group by p.account")
    List<Object[]> balances(Instant asOf);

    /**
     * The account's postings up to {@code asOf} in the order recorded (posting time, then id: the journal's one
     * processor records an event's lines, and the events, in the order of the store), after ({@code afterAt},
     * {@code afterId}) when given, at most {@code limit}: a keyset page, read along
     * {@code idx_journal_posting_account} (account, posted_at, id; V21).
     */
    @Query("select p from JournalPostingEntity p where p.account = :account and p.postedAt <= :asOf"
            + " and (:afterAt is null or p.postedAt > :afterAt or (p.postedAt = :afterAt and p.id > :afterId))"
            + " order by p.postedAt, p.id")
    List<JournalPostingEntity> postings(String account, Instant asOf, Instant afterAt, Long afterId, Limit limit);
}
