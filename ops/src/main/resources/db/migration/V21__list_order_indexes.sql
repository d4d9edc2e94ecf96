-- Keyset paging (docs/api.md, "Lists"): a paged list reads one page, LIMIT size + 1 rows, along an index in the list's
-- own order, so a page costs the same however long the history. Each index ends with the row's id, the order's
-- tie-break: InnoDB would append the primary key to a secondary index by itself, H2 does not, and neither may sort.

-- GET /api/notices: newest first (published_at descending, then notice_id ascending) for every notice, one level,
-- one place, or one place of one level. The two indexes of V8 are replaced by ones in that order.
ALTER TABLE notice_view DROP INDEX idx_notice_view_published;
CREATE INDEX idx_notice_view_published ON notice_view (published_at DESC, notice_id);
ALTER TABLE notice_view DROP INDEX idx_notice_view_place;
CREATE INDEX idx_notice_view_place ON notice_view (notice_level, place_code, published_at DESC, notice_id);
CREATE INDEX idx_notice_view_level ON notice_view (notice_level, published_at DESC, notice_id);
CREATE INDEX idx_notice_view_place_code ON notice_view (place_code, published_at DESC, notice_id);

-- GET /api/funds/appropriations: oldest first (recorded_at, then appropriation_id), for one fiscal year or every one.
ALTER TABLE appropriation_view DROP INDEX idx_appropriation_view_year;
CREATE INDEX idx_appropriation_view_year ON appropriation_view (fiscal_year, recorded_at, appropriation_id);
CREATE INDEX idx_appropriation_view_recorded ON appropriation_view (recorded_at, appropriation_id);

-- GET /api/audit/accounts/{account}/postings: one account's postings in the order recorded (posted_at, then id).
ALTER TABLE journal_posting DROP INDEX idx_journal_posting_account;
CREATE INDEX idx_journal_posting_account ON journal_posting (account, posted_at, id);
