-- Command-side register of voucher numbers (凭证号), written in the same transaction as the payment request's events:
-- one voucher pays once across all projects. holder_id is the disbursement (DSB-...) or grant batch (GB-...) holding
-- it. A racing second use of a voucher collides on the primary key and its whole transaction rolls back.
CREATE TABLE voucher_register (
    voucher_no    VARCHAR(80) NOT NULL,
    holder_id     VARCHAR(80) NOT NULL,
    registered_at DATETIME(6) NOT NULL,
    PRIMARY KEY (voucher_no)
);
