-- Long-term-care (长期护理保险) assessment recognition across regions (评估结论互认).

-- The home region recognises assessments made in the residence region; mutual agreements work both ways.
-- Region codes are hierarchical: 500000 covers every Chongqing district, 110000 every Beijing one.
CREATE TABLE ltc_agreement (
    id                UUID         PRIMARY KEY,
    home_region       VARCHAR(6)   NOT NULL,
    residence_region  VARCHAR(6)   NOT NULL CHECK (residence_region <> home_region),
    mutual            BOOLEAN      NOT NULL,
    standard          VARCHAR(16)  NOT NULL,
    valid_from        DATE         NOT NULL,
    valid_to          DATE,
    created_by        VARCHAR(100) NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- The home region's monthly benefit by disability grade.
CREATE TABLE ltc_benefit (
    region_code     VARCHAR(6)     NOT NULL,
    grade           INT            NOT NULL CHECK (grade BETWEEN 0 AND 5),
    monthly_amount  NUMERIC(10, 2) NOT NULL CHECK (monthly_amount >= 0),
    PRIMARY KEY (region_code, grade)
);

CREATE TABLE ltc_request (
    id                     UUID          PRIMARY KEY,
    person_ref             VARCHAR(64)   NOT NULL,
    home_region            VARCHAR(6)    NOT NULL,
    residence_region       VARCHAR(6)    NOT NULL,
    assessor_institution   VARCHAR(32)   NOT NULL REFERENCES institution (code),
    routing                VARCHAR(200)  NOT NULL,
    status                 VARCHAR(10)   NOT NULL CHECK (status IN ('REQUESTED', 'ASSESSED', 'RECOGNISED', 'REJECTED')),
    daily_living           INT           CHECK (daily_living BETWEEN 0 AND 100),
    cognition              INT           CHECK (cognition BETWEEN 0 AND 100),
    perception             INT           CHECK (perception BETWEEN 0 AND 100),
    grade                  INT           CHECK (grade BETWEEN 0 AND 5),
    assessed_by            VARCHAR(100),
    assessed_at            TIMESTAMPTZ,
    recognition            VARCHAR(9)    CHECK (recognition IN ('AUTOMATIC', 'MANUAL')),
    decided_by             VARCHAR(100),
    decided_at             TIMESTAMPTZ,
    decision_reason        VARCHAR(500),
    monthly_benefit        NUMERIC(10, 2),
    requested_by           VARCHAR(100)  NOT NULL,
    requested_at           TIMESTAMPTZ   NOT NULL,
    due_at                 TIMESTAMPTZ   NOT NULL,
    version                BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX ltc_request_home_idx ON ltc_request (home_region varchar_pattern_ops);
CREATE INDEX ltc_request_residence_idx ON ltc_request (residence_region varchar_pattern_ops);
CREATE INDEX ltc_request_open_idx ON ltc_request (due_at) WHERE status IN ('REQUESTED', 'ASSESSED');
