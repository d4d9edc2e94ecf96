-- group "coverage": each village's counts, kept by the projection beside its households and grants, so that the
-- county's and a township's coverage (on every county and township page render) add up at most one row per village
-- rather than counting every household of the register. Filled here from the detail tables for a ledger that already
-- has them; a replay of the group rebuilds it like the rest. One script for H2 (MySQL mode) and MySQL/MariaDB.
CREATE TABLE coverage_village (
    village_code  VARCHAR(12) NOT NULL,
    township_code VARCHAR(9)  NOT NULL,
    registered    BIGINT      NOT NULL,
    granted       BIGINT      NOT NULL,
    granted_fen   BIGINT      NOT NULL,
    PRIMARY KEY (village_code)
);
CREATE INDEX idx_coverage_village_township ON coverage_village (township_code);

INSERT INTO coverage_village (village_code, township_code, registered, granted, granted_fen)
SELECT h.village_code, MIN(h.township_code), COUNT(DISTINCT h.card_no), COUNT(DISTINCT g.card_no),
       COALESCE(SUM(g.amount_fen), 0)
FROM coverage_household h
LEFT JOIN coverage_grant g ON g.card_no = h.card_no AND g.reversed = FALSE
WHERE h.registered = TRUE
GROUP BY h.village_code;
