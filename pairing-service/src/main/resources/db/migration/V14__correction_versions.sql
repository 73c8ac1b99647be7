-- Corrections are versioned: an activity, a facility booking and buddy classes carry a version, sent back in
-- If-Match to withdraw, cancel or dissolve them, so a correction never acts on a record changed meanwhile.
ALTER TABLE activity ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE resource_booking ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE buddy_class ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
