package cn.fupin.ledger.shared.journal;

import java.time.Instant;

/**
 * The postings of one account up to {@code asOf}, in the order the journal recorded them (posting time, then the
 * journal's number of the posting); answered by a list of {@link AccountPostingView}. A page: those after
 * ({@code afterPostedAt}, {@code afterPostingNo}) in that order, at most {@code limit} of them ({@code null}: after
 * none, and every one).
 */
public record FindAccountPostingsQuery(String account, Instant asOf, Instant afterPostedAt, Long afterPostingNo,
                                       Integer limit) {

    public FindAccountPostingsQuery {
        if ((afterPostedAt == null) != (afterPostingNo == null)) {
            throw new IllegalArgumentException("a page starts after a posting time and a posting number, both or neither");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("a page holds at least one posting");
        }
    }

    /** Every one up to {@code asOf}. */
    public FindAccountPostingsQuery(String account, Instant asOf) {
        this(account, asOf, null, null, null);
    }
}
