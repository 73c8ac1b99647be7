-- rotation_policy rows get the created_at every tracked entity has (platform-data's TrackedEntity); rows set before
-- this migration count as created when it ran.
ALTER TABLE rotation_policy ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
