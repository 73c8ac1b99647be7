-- An activity recorded by mistake (the wrong pairing, a visit that never took place) is withdrawn with the reason:
-- it stays in the ledger, marked, and no longer counts against dormancy.
ALTER TABLE activity ADD COLUMN withdrawn_at TIMESTAMPTZ;
ALTER TABLE activity ADD COLUMN withdrawn_by VARCHAR(100);
ALTER TABLE activity ADD COLUMN withdrawal_reason VARCHAR(500);
