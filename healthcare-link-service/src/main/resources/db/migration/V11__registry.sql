-- 异地就医备案 (cross-region filings) and 门诊慢特病 certifications, kept by the home insurer. A bill's cross-region
-- kind is derived from the filing valid on its visit day; a SPECIAL_CHRONIC bill needs a certification valid then.
CREATE TABLE cross_region_filing (
    id                 UUID         PRIMARY KEY,
    person_id          VARCHAR(64)  NOT NULL,
    home_region        VARCHAR(6)   NOT NULL CHECK (home_region ~ '^[1-9][0-9]{5}$'),
    kind               VARCHAR(24)  NOT NULL CHECK (kind IN ('LONG_TERM_RESIDENCE', 'RELOCATED_RETIREE', 'WORK_POSTING',
                                                             'REFERRAL', 'TEMPORARY_STAY')),
    destination_region VARCHAR(6)   NOT NULL CHECK (destination_region ~ '^[1-9][0-9]{5}$'),
    valid_from         DATE         NOT NULL,
    valid_to           DATE         CHECK (valid_to >= valid_from),
    status             VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    filed_by           VARCHAR(100) NOT NULL,
    revoked_at         TIMESTAMPTZ,
    revocation_reason  VARCHAR(500),
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX cross_region_filing_person_idx ON cross_region_filing (person_id, home_region);
CREATE INDEX cross_region_filing_destination_idx ON cross_region_filing (destination_region, valid_from);

CREATE TABLE chronic_certification (
    id                UUID         PRIMARY KEY,
    person_id         VARCHAR(64)  NOT NULL,
    home_region       VARCHAR(6)   NOT NULL CHECK (home_region ~ '^[1-9][0-9]{5}$'),
    disease_code      VARCHAR(20)  NOT NULL,
    disease_name      VARCHAR(100) NOT NULL,
    valid_from        DATE         NOT NULL,
    valid_to          DATE         CHECK (valid_to >= valid_from),
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    filed_by          VARCHAR(100) NOT NULL,
    revoked_at        TIMESTAMPTZ,
    revocation_reason VARCHAR(500),
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX chronic_certification_person_idx ON chronic_certification (person_id, home_region);
