-- A booking is cancelled (the visit called off, the facility closed that day) with the reason: its places return to
-- the slot, and the row stays, marked.
ALTER TABLE resource_booking ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE resource_booking ADD COLUMN cancelled_by VARCHAR(100);
ALTER TABLE resource_booking ADD COLUMN cancel_reason VARCHAR(500);
