-- Read models of step 2: projects, township assessments and competitive rounds. Each belongs to one processing
-- group and is rebuilt by replaying that group alone. Free texts of unknown length are LONGTEXT, which H2 (as its
-- CLOB) and MariaDB both take.

-- group "projects"
CREATE TABLE project_view (
    project_id          VARCHAR(64)  NOT NULL,
    name                VARCHAR(500) NOT NULL,
    work_area           VARCHAR(40)  NOT NULL,
    village_code        VARCHAR(12)  NOT NULL,
    township_code       VARCHAR(9)   NOT NULL,
    beneficiary         VARCHAR(16)  NOT NULL,
    budget_total_fen    BIGINT       NOT NULL,
    reserved_fen        BIGINT       NOT NULL,
    implementer         VARCHAR(500),
    supervisor          VARCHAR(500),
    start_date          DATE,
    end_date            DATE,
    expected_households INTEGER      NOT NULL,
    expected_people     INTEGER,
    description         LONGTEXT,
    benefit_mechanism   LONGTEXT,
    subsidy_standard    LONGTEXT,
    person_in_charge    VARCHAR(200),
    supervision_phone   VARCHAR(64),
    villagers_meeting   LONGTEXT,
    status              VARCHAR(16)  NOT NULL,
    competition_id      VARCHAR(64),
    approval_doc_no     VARCHAR(500),
    proposed_by         VARCHAR(100) NOT NULL,
    approved_by         VARCHAR(100),
    proposed_at         DATETIME(6)  NOT NULL,
    last_sequence       BIGINT       NOT NULL,
    PRIMARY KEY (project_id)
);
CREATE INDEX idx_project_view_township ON project_view (township_code, status);
CREATE INDEX idx_project_view_village ON project_view (village_code, status);

CREATE TABLE project_budget_line (
    line_id    VARCHAR(80) NOT NULL,
    project_id VARCHAR(64) NOT NULL,
    line_no    INTEGER     NOT NULL,
    fund_id    VARCHAR(64) NOT NULL,
    amount_fen BIGINT      NOT NULL,
    PRIMARY KEY (line_id)
);
CREATE INDEX idx_project_budget_line_project ON project_budget_line (project_id, line_no);

CREATE TABLE project_step (
    step_id         VARCHAR(90)  NOT NULL,
    project_id      VARCHAR(64)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    step            VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    actor           VARCHAR(100),
    recorded_at     DATETIME(6)  NOT NULL,
    detail          LONGTEXT,
    PRIMARY KEY (step_id)
);
CREATE INDEX idx_project_step_project ON project_step (project_id, sequence_number);

-- group "assessments"
CREATE TABLE township_assessment_view (
    assessment_id    VARCHAR(40)  NOT NULL,
    township_code    VARCHAR(9)   NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    assessment_year  INTEGER      NOT NULL,
    score_hundredths INTEGER      NOT NULL,
    document_no      VARCHAR(500) NOT NULL,
    recorded_by      VARCHAR(100),
    recorded_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (assessment_id)
);
CREATE INDEX idx_township_assessment_view_township ON township_assessment_view (township_code, assessment_year);
CREATE INDEX idx_township_assessment_view_year ON township_assessment_view (assessment_year);

-- group "competitions"
CREATE TABLE competition_view (
    competition_id     VARCHAR(64)  NOT NULL,
    name               VARCHAR(500),
    fiscal_year        INTEGER      NOT NULL,
    fund_id            VARCHAR(64)  NOT NULL,
    budget_fen         BIGINT       NOT NULL,
    criteria_json      LONGTEXT     NOT NULL,
    deadline           DATETIME(6)  NOT NULL,
    opened_by          VARCHAR(100),
    submissions_closed BOOLEAN      NOT NULL,
    closed             BOOLEAN      NOT NULL,
    closed_at          DATETIME(6),
    closed_by          VARCHAR(100),
    ranking_json       LONGTEXT,
    awarded_total_fen  BIGINT       NOT NULL,
    remaining_fen      BIGINT       NOT NULL,
    last_sequence      BIGINT       NOT NULL,
    PRIMARY KEY (competition_id)
);
CREATE INDEX idx_competition_view_year ON competition_view (fiscal_year);

CREATE TABLE competition_proposal_view (
    proposal_id    VARCHAR(140) NOT NULL,
    competition_id VARCHAR(64)  NOT NULL,
    project_id     VARCHAR(64)  NOT NULL,
    township_code  VARCHAR(9)   NOT NULL,
    village_code   VARCHAR(12)  NOT NULL,
    requested_fen  BIGINT       NOT NULL,
    submitted_at   DATETIME(6)  NOT NULL,
    submitted_by   VARCHAR(100),
    reviewer_count INTEGER      NOT NULL,
    withdrawn      BOOLEAN      NOT NULL,
    PRIMARY KEY (proposal_id)
);
CREATE INDEX idx_competition_proposal_view_round ON competition_proposal_view (competition_id, submitted_at);

CREATE TABLE competition_project_name (
    project_id VARCHAR(64)  NOT NULL,
    name       VARCHAR(500) NOT NULL,
    PRIMARY KEY (project_id)
);
