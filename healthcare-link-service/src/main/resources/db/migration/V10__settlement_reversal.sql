-- Reversal (冲正) and reconciliation (清算). A reversed settlement stays, marked REVERSED with who, when and why; the
-- person's later bills of the year are settled again as new rows that name the row they supersede (replaces).
-- recorded_seq is the order in which bills reached the person's accumulators, the order they settle again in.
ALTER TABLE settlement ADD COLUMN status VARCHAR(10) NOT NULL DEFAULT 'SETTLED' CHECK (status IN ('SETTLED', 'REVERSED'));
ALTER TABLE settlement ADD COLUMN recorded_seq BIGINT GENERATED ALWAYS AS IDENTITY;
-- The bill as settled (insured, visit, lines), to settle it again; rows recorded before this have none.
ALTER TABLE settlement ADD COLUMN bill JSONB;
ALTER TABLE settlement ADD COLUMN replaces UUID REFERENCES settlement (id);
ALTER TABLE settlement ADD COLUMN reversed_at TIMESTAMPTZ;
ALTER TABLE settlement ADD COLUMN reversed_by VARCHAR(100);
ALTER TABLE settlement ADD COLUMN reversal_reason VARCHAR(500);
ALTER TABLE settlement ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
-- Each fund's part as a column, so monthly totals are sums over rows rather than over JSON.
ALTER TABLE settlement ADD COLUMN basic_fund NUMERIC(18, 2);
ALTER TABLE settlement ADD COLUMN serious_illness NUMERIC(18, 2);
ALTER TABLE settlement ADD COLUMN medical_assistance NUMERIC(18, 2);
ALTER TABLE settlement ADD COLUMN fallback NUMERIC(18, 2);
UPDATE settlement SET basic_fund = (result ->> 'basicFund')::numeric,
                      serious_illness = (result ->> 'seriousIllness')::numeric,
                      medical_assistance = (result ->> 'medicalAssistance')::numeric,
                      fallback = (result ->> 'fallback')::numeric;
ALTER TABLE settlement ALTER COLUMN basic_fund SET NOT NULL;
ALTER TABLE settlement ALTER COLUMN serious_illness SET NOT NULL;
ALTER TABLE settlement ALTER COLUMN medical_assistance SET NOT NULL;
ALTER TABLE settlement ALTER COLUMN fallback SET NOT NULL;

-- A reversed bill may be recorded again, corrected, under its own bill id.
DROP INDEX settlement_bill_once;
CREATE UNIQUE INDEX settlement_bill_once ON settlement (created_by, bill_id) WHERE bill_id IS NOT NULL AND status = 'SETTLED';
DROP INDEX settlement_person_idx;
CREATE INDEX settlement_account_idx ON settlement (home_region, person_id, visit_date);
CREATE INDEX settlement_institution_idx ON settlement (institution_code, created_at);
CREATE INDEX settlement_recorded_idx ON settlement (created_at);
CREATE INDEX settlement_reversed_idx ON settlement (reversed_at) WHERE reversed_at IS NOT NULL;
