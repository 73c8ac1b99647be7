-- Cross-region settlement (异地就医结算): the treatment region's catalog, the home region's policy, the person's
-- yearly accumulators and the settled bills.
CREATE TABLE settlement_catalog_item (
    region_code      VARCHAR(6)    NOT NULL CHECK (region_code ~ '^[1-9][0-9]{5}$'),
    item_code        VARCHAR(40)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    item_class       CHAR(1)       NOT NULL CHECK (item_class IN ('A', 'B', 'C')),
    self_pay_percent NUMERIC(5, 2) NOT NULL CHECK (self_pay_percent BETWEEN 0 AND 100),
    unit_price       NUMERIC(12, 2) CHECK (unit_price >= 0),
    updated_at       TIMESTAMPTZ   NOT NULL,
    updated_by       VARCHAR(100)  NOT NULL,
    PRIMARY KEY (region_code, item_code)
);

-- One policy document per home region; a region without one uses its city's, then its province's.
CREATE TABLE settlement_policy (
    region_code VARCHAR(6)   PRIMARY KEY CHECK (region_code ~ '^[1-9][0-9]{5}$'),
    document    JSONB        NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);

-- Locked (SELECT … FOR UPDATE) while a bill of the person is settled, so concurrent bills never double-spend.
-- Person ids are the home insurer's, so an account is a home region and a person id.
CREATE TABLE settlement_accumulator (
    home_region     VARCHAR(6)     NOT NULL,
    person_id       VARCHAR(64)    NOT NULL,
    year            INT            NOT NULL,
    deductible_used NUMERIC(18, 2) NOT NULL DEFAULT 0,
    basic_fund_used NUMERIC(18, 2) NOT NULL DEFAULT 0,
    serious_burden  NUMERIC(18, 2) NOT NULL DEFAULT 0,
    serious_paid    NUMERIC(18, 2) NOT NULL DEFAULT 0,
    assistance_paid NUMERIC(18, 2) NOT NULL DEFAULT 0,
    fallback_paid   NUMERIC(18, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (home_region, person_id, year)
);

CREATE TABLE settlement (
    id                 UUID           PRIMARY KEY,
    bill_id            VARCHAR(64),
    person_id          VARCHAR(64)    NOT NULL,
    home_region        VARCHAR(6)     NOT NULL,
    treatment_region   VARCHAR(6)     NOT NULL,
    institution_code   VARCHAR(32)    NOT NULL,
    visit_date         DATE           NOT NULL,
    total              NUMERIC(18, 2) NOT NULL,
    patient_pays       NUMERIC(18, 2) NOT NULL,
    result             JSONB          NOT NULL,
    created_at         TIMESTAMPTZ    NOT NULL,
    created_by         VARCHAR(100)   NOT NULL
);
-- A re-sent bill (say a batch retried after a dropped connection) is answered from its first recording.
CREATE UNIQUE INDEX settlement_bill_once ON settlement (created_by, bill_id) WHERE bill_id IS NOT NULL;

CREATE INDEX settlement_person_idx ON settlement (person_id, visit_date);
