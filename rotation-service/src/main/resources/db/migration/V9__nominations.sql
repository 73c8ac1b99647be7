-- Secondment (挂职) and team-aid (组团式) places are filled by organisational nomination, not only by a matching run:
-- such an assignment has no run, but the officer who nominated and the reason.
ALTER TABLE assignment ALTER COLUMN run_id DROP NOT NULL;
ALTER TABLE assignment ADD COLUMN nominated_by VARCHAR(100);
ALTER TABLE assignment ADD COLUMN nomination_reason VARCHAR(500);
ALTER TABLE assignment ADD CONSTRAINT assignment_run_or_nomination
    CHECK (run_id IS NOT NULL OR nomination_reason IS NOT NULL);
