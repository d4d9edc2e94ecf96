package cn.fupin.ledger.query.journal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface JournalPostingRepository extends JpaRepository<JournalPostingEntity, Long> {

    boolean existsByEventId(String eventId);

    /** {account, balance in fen} of every account with a posting up to {@code asOf}, summed by the database. */
    @Query("select p.account, sum(p.amountFen) from JournalPostingEntity p where p.postedAt <= :asOf"
            + " group by p.account")
    List<Object[]> balances(Instant asOf);

    @Query("select p from JournalPostingEntity p where p.account = :account and p.postedAt <= :asOf"
            + " order by p.postedAt, p.globalIndex, p.id")
    List<JournalPostingEntity> postings(String account, Instant asOf);
}
