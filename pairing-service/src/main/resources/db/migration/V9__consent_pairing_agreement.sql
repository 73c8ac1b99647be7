-- Renewing and resuming a pairing needs both sides (issue 17): the first side's request waits here until the
-- other side agrees. At most one request is pending per pairing; it is cleared when the pairing changes state.
ALTER TABLE pairing
    ADD COLUMN pending_action   VARCHAR(8)  CHECK (pending_action IN ('RENEW', 'RESUME')),
    ADD COLUMN pending_side     VARCHAR(10) CHECK (pending_side IN ('SUPPORTING', 'SUPPORTED')),
    ADD COLUMN pending_by       VARCHAR(200),
    ADD COLUMN pending_at       TIMESTAMPTZ,
    ADD COLUMN pending_term_end DATE,
    ADD CONSTRAINT pairing_pending_complete CHECK (
        (pending_action IS NULL AND pending_side IS NULL AND pending_by IS NULL AND pending_at IS NULL
            AND pending_term_end IS NULL)
        OR (pending_action IS NOT NULL AND pending_side IS NOT NULL AND pending_by IS NOT NULL AND pending_at IS NOT NULL
            AND (pending_action = 'RESUME') = (pending_term_end IS NULL)));
