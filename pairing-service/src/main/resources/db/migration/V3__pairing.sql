-- Pairings (结对): two parties, schools or regions (district ↔ county), one supporting the other for a term.
CREATE TABLE pairing (
    id                  UUID         PRIMARY KEY,
    kind                VARCHAR(16)  NOT NULL
        CHECK (kind IN ('HAND_IN_HAND', 'CROSS_REGION', 'VOCATIONAL', 'UNIVERSITY', 'REGION')),
    supporting_party    VARCHAR(10)  NOT NULL,
    supported_party     VARCHAR(10)  NOT NULL CHECK (supported_party <> supporting_party),
    supporting_region   VARCHAR(6)   NOT NULL,
    supported_region    VARCHAR(6)   NOT NULL,
    status              VARCHAR(12)  NOT NULL
        CHECK (status IN ('PROPOSED', 'ACTIVE', 'SUSPENDED', 'CONCLUDED')),
    supporting_approved_by VARCHAR(200),
    supporting_approved_at TIMESTAMPTZ,
    supported_approved_by  VARCHAR(200),
    supported_approved_at  TIMESTAMPTZ,
    term_start          DATE         NOT NULL,
    term_end            DATE         NOT NULL CHECK (term_end > term_start),
    renewals            INT          NOT NULL DEFAULT 0,
    goals               VARCHAR(2000),
    created_at          TIMESTAMPTZ  NOT NULL,
    created_by          VARCHAR(100) NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0
);

-- One open pairing per pair of parties, whichever side supports.
CREATE UNIQUE INDEX pairing_open_pair_idx ON pairing (LEAST(supporting_party, supported_party), GREATEST(supporting_party, supported_party))
    WHERE status IN ('PROPOSED', 'ACTIVE', 'SUSPENDED');
CREATE INDEX pairing_supporting_idx ON pairing (supporting_party, status);
CREATE INDEX pairing_supported_idx ON pairing (supported_party, status);
CREATE INDEX pairing_regions_idx ON pairing (supporting_region varchar_pattern_ops, supported_region varchar_pattern_ops);
