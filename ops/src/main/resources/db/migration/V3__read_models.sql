-- Read models. Each belongs to one processing group and is rebuilt by replaying that group alone.

-- group "funds"
CREATE TABLE fund_view (
    fund_id          VARCHAR(64) NOT NULL,
    fiscal_year      INTEGER     NOT NULL,
    source           VARCHAR(32) NOT NULL,
    appropriated_fen BIGINT      NOT NULL,
    reserved_fen     BIGINT      NOT NULL,
    disbursed_fen    BIGINT      NOT NULL,
    last_sequence    BIGINT      NOT NULL,
    PRIMARY KEY (fund_id)
);
CREATE INDEX idx_fund_view_year ON fund_view (fiscal_year, source);

CREATE TABLE appropriation_view (
    appropriation_id VARCHAR(64)  NOT NULL,
    fund_id          VARCHAR(64)  NOT NULL,
    fiscal_year      INTEGER      NOT NULL,
    source           VARCHAR(32)  NOT NULL,
    amount_fen       BIGINT       NOT NULL,
    document_no      VARCHAR(64)  NOT NULL,
    note             VARCHAR(500),
    recorded_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (appropriation_id)
);
CREATE INDEX idx_appropriation_view_year ON appropriation_view (fiscal_year, recorded_at);

-- group "households"
CREATE TABLE household_view (
    card_no          VARCHAR(32)  NOT NULL,
    head_name        VARCHAR(50)  NOT NULL,
    id_number_masked VARCHAR(18)  NOT NULL,
    bank_card_masked VARCHAR(19)  NOT NULL,
    village_code     VARCHAR(12)  NOT NULL,
    township_code    VARCHAR(9)   NOT NULL,
    members          INTEGER      NOT NULL,
    migrant          BOOLEAN      NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    registered_at    DATETIME(6) NOT NULL,
    last_sequence    BIGINT       NOT NULL,
    PRIMARY KEY (card_no)
);
CREATE INDEX idx_household_view_village ON household_view (village_code);
CREATE INDEX idx_household_view_township ON household_view (township_code);

CREATE TABLE household_status_change (
    change_id       VARCHAR(64)  NOT NULL,
    card_no         VARCHAR(32)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    status_year     INTEGER,
    reason          VARCHAR(500),
    recorded_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (change_id)
);
CREATE INDEX idx_household_status_change_card ON household_status_change (card_no, sequence_number);

-- group "places"
CREATE TABLE poor_village_view (
    designation_id   VARCHAR(20)  NOT NULL,
    village_code     VARCHAR(12)  NOT NULL,
    township_code    VARCHAR(9)   NOT NULL,
    designation_year INTEGER      NOT NULL,
    document_no      VARCHAR(64)  NOT NULL,
    recorded_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (designation_id)
);
CREATE INDEX idx_poor_village_view_village ON poor_village_view (village_code, designation_year);
