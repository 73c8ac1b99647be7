-- Idempotency-Key: the first response to a (caller, key) is replayed for 24 hours.
CREATE TABLE idempotency_record (
    caller        VARCHAR(200) NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status        INT,
    location      TEXT,
    body          TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_record_created_at_idx ON idempotency_record (created_at);

-- Audit trail: who changed what, when, through which client.
CREATE TABLE audit_entry (
    id            BIGSERIAL    PRIMARY KEY,
    at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor_sub     VARCHAR(200) NOT NULL,
    actor_name    VARCHAR(200) NOT NULL,
    client_id     VARCHAR(200),
    action        VARCHAR(100) NOT NULL,
    entity_type   VARCHAR(100) NOT NULL,
    entity_id     VARCHAR(200) NOT NULL,
    region_codes  VARCHAR(6)[] NOT NULL,
    summary       JSONB        NOT NULL
);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, id);
