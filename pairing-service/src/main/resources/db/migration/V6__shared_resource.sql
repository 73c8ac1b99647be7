-- Shared resources a school opens to its partners (a farm base, an open library, a lab, a labour course), booked by
-- time slot. A slot's bookings never exceed its capacity: bookings increment `booked` conditionally, and the CHECK
-- below is the last line of defence.
CREATE TABLE shared_resource (
    id           UUID          PRIMARY KEY,
    owner_school VARCHAR(10)   NOT NULL REFERENCES school (code),
    region_code  VARCHAR(6)    NOT NULL,
    name         VARCHAR(200)  NOT NULL CHECK (length(btrim(name)) > 0),
    kind         VARCHAR(10)   NOT NULL CHECK (kind IN ('FARM', 'LIBRARY', 'LAB', 'COURSE', 'VENUE', 'OTHER')),
    description  VARCHAR(2000),
    created_at   TIMESTAMPTZ   NOT NULL,
    created_by   VARCHAR(100)  NOT NULL
);
CREATE INDEX shared_resource_owner_idx ON shared_resource (owner_school);

CREATE TABLE resource_slot (
    id           UUID          PRIMARY KEY,
    resource_id  UUID          NOT NULL REFERENCES shared_resource (id) ON DELETE CASCADE,
    starts_at    TIMESTAMPTZ   NOT NULL,
    ends_at      TIMESTAMPTZ   NOT NULL CHECK (ends_at > starts_at),
    capacity     INT           NOT NULL CHECK (capacity > 0),
    booked       INT           NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
    UNIQUE (resource_id, starts_at)
);

CREATE TABLE resource_booking (
    id           UUID          PRIMARY KEY,
    slot_id      UUID          NOT NULL REFERENCES resource_slot (id) ON DELETE CASCADE,
    school_code  VARCHAR(10)   NOT NULL REFERENCES school (code),
    places       INT           NOT NULL CHECK (places > 0),
    booked_by    VARCHAR(100)  NOT NULL,
    booked_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX resource_booking_slot_idx ON resource_booking (slot_id);
