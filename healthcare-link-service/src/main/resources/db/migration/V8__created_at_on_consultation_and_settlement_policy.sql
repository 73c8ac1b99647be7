-- created_at on the two edited tables that lacked it, so their entities share the tracked columns of the others
-- (platform-data's TrackedEntity). A consultation was created when it was requested; a policy before its last edit.
ALTER TABLE consultation ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
UPDATE consultation SET created_at = requested_at;
ALTER TABLE settlement_policy ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
UPDATE settlement_policy SET created_at = updated_at;
