-- An assignment may end early (TERMINATED, with the day and the reason) and be extended by both sides' officers: the
-- first side's proposal waits in extension_months until the other side agrees to the same number of months.
ALTER TABLE assignment DROP CONSTRAINT assignment_status_check;
ALTER TABLE assignment ADD CONSTRAINT assignment_status_check CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED',
    'REJECTED', 'CONFIRMED', 'IN_SERVICE', 'COMPLETED', 'EVALUATED', 'TERMINATED'));
ALTER TABLE assignment ADD COLUMN ended_on DATE;
ALTER TABLE assignment ADD COLUMN termination_reason VARCHAR(500);
ALTER TABLE assignment ADD COLUMN extension_months INT CHECK (extension_months BETWEEN 1 AND 24);
ALTER TABLE assignment ADD COLUMN extension_from_by VARCHAR(100);
ALTER TABLE assignment ADD COLUMN extension_to_by VARCHAR(100);
