-- A proposal either side turns down ends REJECTED (issue 20).
ALTER TABLE pairing DROP CONSTRAINT pairing_status_check;
ALTER TABLE pairing ADD CONSTRAINT pairing_status_check
    CHECK (status IN ('PROPOSED', 'ACTIVE', 'SUSPENDED', 'CONCLUDED', 'REJECTED'));
