-- Medical institutions (医疗机构) taking part in cross-region cooperation.
CREATE TABLE institution (
    code        VARCHAR(32)  PRIMARY KEY CHECK (code ~ '^[A-Z0-9]{4,32}$'),
    name        VARCHAR(200) NOT NULL CHECK (length(btrim(name)) > 0),
    region_code VARCHAR(6)   NOT NULL CHECK (region_code ~ '^[1-9][0-9]{5}$'),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX institution_region_code_idx ON institution (region_code varchar_pattern_ops);
