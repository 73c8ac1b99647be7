-- Transactional outbox: written in the same transaction as the state change, published by the relay, kept for
-- the partner exchange feed until the retention period ends.
CREATE TABLE outbox_event (
    seq            BIGSERIAL    PRIMARY KEY,
    id             UUID         NOT NULL UNIQUE,
    type           VARCHAR(200) NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    region_codes   VARCHAR(6)[] NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    data           JSONB        NOT NULL,
    published_at   TIMESTAMPTZ,
    -- Assigned when published, in publication order, so a feed cursor never skips a late-committing event.
    feed_position  BIGINT       UNIQUE
);
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at_idx ON outbox_event (published_at);

CREATE TABLE outbox_feed_state (
    id             INT          PRIMARY KEY CHECK (id = 1),
    last_position  BIGINT       NOT NULL
);
INSERT INTO outbox_feed_state VALUES (1, 0);

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
CREATE TABLE inbox_event (
    consumer       VARCHAR(100) NOT NULL,
    event_id       VARCHAR(100) NOT NULL,
    event_type     VARCHAR(200) NOT NULL,
    processed_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
