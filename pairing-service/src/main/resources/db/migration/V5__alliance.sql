-- Education groups and alliances (集团化办学, 联盟): a lead school (牵头校), members, and the four integrations.
CREATE TABLE alliance (
    id          UUID          PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL CHECK (length(btrim(name)) > 0),
    lead_school VARCHAR(10)   NOT NULL REFERENCES school (code),
    region_code VARCHAR(6)    NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE alliance_member (
    alliance_id UUID          NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    school_code VARCHAR(10)   NOT NULL REFERENCES school (code),
    region_code VARCHAR(6)    NOT NULL,
    role        VARCHAR(6)    NOT NULL CHECK (role IN ('LEAD', 'MEMBER')),
    joined_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (alliance_id, school_code)
);
CREATE INDEX alliance_member_region_idx ON alliance_member (region_code varchar_pattern_ops);
CREATE INDEX alliance_member_school_idx ON alliance_member (school_code);

CREATE TABLE alliance_integration (
    alliance_id UUID          NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    area        VARCHAR(20)   NOT NULL CHECK (area IN ('MANAGEMENT', 'TEACHING_RESEARCH', 'STAFF', 'AFTER_SCHOOL')),
    status      VARCHAR(12)   NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'ESTABLISHED')),
    notes       VARCHAR(2000),
    updated_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (alliance_id, area)
);
