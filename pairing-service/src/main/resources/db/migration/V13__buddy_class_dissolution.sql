-- Buddy classes are dissolved (a class split up, twinned by mistake) with the reason; the row stays, marked, and the
-- same two classes may be twinned again later: only standing twins must be unique.
ALTER TABLE buddy_class ADD COLUMN dissolved_at TIMESTAMPTZ;
ALTER TABLE buddy_class ADD COLUMN dissolved_by VARCHAR(100);
ALTER TABLE buddy_class ADD COLUMN dissolution_reason VARCHAR(500);
ALTER TABLE buddy_class DROP CONSTRAINT buddy_class_pairing_id_supporting_class_supported_class_key;
CREATE UNIQUE INDEX buddy_class_standing_twin ON buddy_class (pairing_id, supporting_class, supported_class)
    WHERE dissolved_at IS NULL;
