-- Step 5, a demo that reads like a county's history (demo profile only; the table exists everywhere and stays empty
-- outside it). One script for H2 (MySQL mode) and MySQL/MariaDB.

-- Every move of the demo ledger's clock, in order: when it was made (the system's time), the ledger's time before and
-- after, and who made it (a user of POST /api/demo/clock, or the demo loader walking through the county's history).
-- The first move of a fresh demo ledger starts its clock in early 2015, before anything was recorded on it: its
-- from_time is NULL. Every later move goes forward (to_time > from_time); the clock never moves back.
CREATE TABLE demo_clock_move (
    move_no   BIGINT       NOT NULL AUTO_INCREMENT,
    moved_at  DATETIME(6)  NOT NULL,
    from_time DATETIME(6),
    to_time   DATETIME(6)  NOT NULL,
    moved_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (move_no)
);
