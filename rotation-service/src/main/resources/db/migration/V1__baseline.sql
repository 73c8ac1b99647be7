-- Replica of pairing-service's school registry, kept from its events (never read from its database).
CREATE TABLE school_replica (
    code            VARCHAR(10)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    region_code     VARCHAR(6)   NOT NULL,
    last_event_id   VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);

CREATE INDEX school_replica_region_code_idx ON school_replica (region_code varchar_pattern_ops);
