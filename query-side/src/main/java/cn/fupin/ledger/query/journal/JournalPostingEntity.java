package cn.fupin.ledger.query.journal;

import cn.fupin.ledger.shared.journal.Posting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * One line of the journal (every posting debits and credits alike): {@code amountFen} debited (positive) or credited (negative) to
 * {@code account} when the event {@code eventId} was recorded. The event's identifier and the line's number are
 * unique, so replaying an event posts nothing twice. {@code globalIndex} is the event's position in the store, which
 * orders lines of one instant.
 */
@Entity
@Table(name = "journal_posting", uniqueConstraints = @UniqueConstraint(name = "uk_journal_posting_event_line",
        columnNames = {"event_id", "line_no"}))
class JournalPostingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "event_id", nullable = false, length = 255)
    private String eventId;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "account", nullable = false, length = 120)
    private String account;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    @Column(name = "event_type", nullable = false, length = 100)
    private String eventType;

    @Column(name = "reference", length = 500)
    private String reference;

    @Column(name = "global_index")
    private Long globalIndex;

    protected JournalPostingEntity() {
    }

    JournalPostingEntity(String eventId, int lineNo, Posting posting, Long globalIndex) {
        this.eventId = eventId;
        this.lineNo = lineNo;
        this.account = posting.account();
        this.amountFen = posting.amountFen();
        this.postedAt = posting.at();
        this.eventType = posting.eventType();
        this.reference = posting.reference();
        this.globalIndex = globalIndex;
    }

    /** The journal's number of the line, given by the database as it is recorded. */
    long id() {
        return id;
    }

    Posting posting() {
        return new Posting(account, amountFen, postedAt, eventType, reference);
    }
}
