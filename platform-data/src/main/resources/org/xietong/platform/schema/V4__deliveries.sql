-- Partners' push subscriptions: the events of chosen types and regions, signed and posted to the partner's endpoint
-- in feed order. delivered_through is the subscription's cursor in the exchange feed: every event at or before it
-- was delivered or dead-lettered.
CREATE TABLE webhook_subscription (
    id                     UUID          PRIMARY KEY,
    owner_subject          VARCHAR(200)  NOT NULL,
    owner_client           VARCHAR(200),
    -- The region prefix the owner could see when subscribing ('' for a platform administrator).
    owner_scope            VARCHAR(6)    NOT NULL,
    endpoint               VARCHAR(2000) NOT NULL,
    types                  TEXT[]        NOT NULL,
    region_codes           VARCHAR(6)[]  NOT NULL,
    description            VARCHAR(200),
    enabled                BOOLEAN       NOT NULL,
    secret                 VARCHAR(100)  NOT NULL,
    previous_secret        VARCHAR(100),
    previous_secret_until  TIMESTAMPTZ,
    delivered_through      BIGINT        NOT NULL,
    -- While the event at the head fails: when it is tried again, and since when it fails.
    next_attempt_at        TIMESTAMPTZ,
    failing_since          TIMESTAMPTZ,
    -- One instance at a time delivers a subscription, so its events keep their order.
    lease_owner            VARCHAR(100),
    leased_until           TIMESTAMPTZ,
    created_at             TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL,
    version                BIGINT        NOT NULL
);
CREATE INDEX webhook_subscription_owner_idx ON webhook_subscription (owner_subject, created_at);

-- One row per subscription and event attempted; a replay attempts the same row again.
CREATE TABLE webhook_delivery (
    id                BIGSERIAL     PRIMARY KEY,
    subscription_id   UUID          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    feed_position     BIGINT        NOT NULL,
    event_id          UUID          NOT NULL,
    event_type        VARCHAR(200)  NOT NULL,
    subject           VARCHAR(200)  NOT NULL,
    state             VARCHAR(20)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts          INT           NOT NULL,
    first_attempt_at  TIMESTAMPTZ   NOT NULL,
    last_attempt_at   TIMESTAMPTZ   NOT NULL,
    delivered_at      TIMESTAMPTZ,
    last_status       INT,
    last_latency_ms   INT,
    last_error        VARCHAR(300),
    UNIQUE (subscription_id, feed_position)
);
CREATE INDEX webhook_delivery_state_idx ON webhook_delivery (subscription_id, state, feed_position);
CREATE INDEX webhook_delivery_last_attempt_idx ON webhook_delivery (last_attempt_at);

CREATE TABLE webhook_attempt (
    id            BIGSERIAL     PRIMARY KEY,
    delivery_id   BIGINT        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at  TIMESTAMPTZ   NOT NULL,
    status        INT,
    latency_ms    INT           NOT NULL,
    error         VARCHAR(300)
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id);
