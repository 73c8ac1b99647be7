-- A host may cancel a clinic session (the expert fell ill, the hospital closed for a day): CANCELLED with the reason,
-- its booked appointments cancelled with it; the expert's half-day is free again for another session.
ALTER TABLE clinic_session ADD COLUMN status VARCHAR(9) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CANCELLED'));
ALTER TABLE clinic_session ADD COLUMN cancel_reason VARCHAR(500);
ALTER TABLE clinic_session DROP CONSTRAINT clinic_session_expert_id_session_date_slot_key;
CREATE UNIQUE INDEX clinic_session_expert_half_day ON clinic_session (expert_id, session_date, slot) WHERE status = 'OPEN';
