-- The requesting institution may withdraw a consultation it no longer needs (the patient recovered, was
-- transferred) until it is completed: CANCELLED, with the reason.
ALTER TABLE consultation DROP CONSTRAINT consultation_status_check;
ALTER TABLE consultation ADD CONSTRAINT consultation_status_check
    CHECK (status IN ('REQUESTED', 'ACCEPTED', 'SCHEDULED', 'COMPLETED', 'DECLINED', 'CANCELLED'));
ALTER TABLE consultation ADD COLUMN cancel_reason VARCHAR(500);
