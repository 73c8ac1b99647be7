-- School registry (学校): the 10-digit school identification code is the key.
CREATE TABLE school (
    code        VARCHAR(10)  PRIMARY KEY CHECK (code ~ '^[0-9]{10}$'),
    name        VARCHAR(200) NOT NULL CHECK (length(btrim(name)) > 0),
    region_code VARCHAR(6)   NOT NULL CHECK (region_code ~ '^[1-9][0-9]{5}$'),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by  VARCHAR(100) NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);

-- Listings are scoped by region prefix (11 = Beijing, 1101 = its districts).
CREATE INDEX school_region_code_idx ON school (region_code varchar_pattern_ops);
