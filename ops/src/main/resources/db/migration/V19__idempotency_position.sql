-- Read your writes: the position (global index of the newest event) a successful answer named in its Ledger-Position
-- header, kept so that a replay of the answer names it too. NULL for answers that recorded no event and for records
-- kept before this column.
ALTER TABLE idempotency_record ADD COLUMN ledger_position BIGINT NULL;
