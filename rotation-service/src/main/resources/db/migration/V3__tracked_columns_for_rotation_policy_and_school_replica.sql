-- The columns every tracked entity has (platform-data's TrackedEntity): rotation_policy lacked created_at, and
-- school_replica created_at and version. Rows written before this migration count as created when it ran.
ALTER TABLE rotation_policy ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE school_replica ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                           ADD COLUMN version    BIGINT      NOT NULL DEFAULT 0;
