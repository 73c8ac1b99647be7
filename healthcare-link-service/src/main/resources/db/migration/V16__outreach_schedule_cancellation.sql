-- A whole outreach schedule is cancelled (the expert falls ill, the host closes the clinic) with the reason: its
-- coming sessions are cancelled with their appointments; past sessions stay as they were.
ALTER TABLE outreach_schedule DROP CONSTRAINT outreach_schedule_status_check;
ALTER TABLE outreach_schedule ALTER COLUMN status TYPE VARCHAR(9);
ALTER TABLE outreach_schedule ADD CONSTRAINT outreach_schedule_status_check
    CHECK (status IN ('PENDING', 'ACTIVE', 'DECLINED', 'CANCELLED'));
ALTER TABLE outreach_schedule ADD COLUMN cancelled_by VARCHAR(100);
ALTER TABLE outreach_schedule ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE outreach_schedule ADD COLUMN cancel_reason VARCHAR(500);
