-- A principal or vice-principal (校长、副校长) and the terms they have served at their current school: after two
-- consecutive terms there they must rotate, however few years that makes.
ALTER TABLE teacher ADD COLUMN position VARCHAR(14) CHECK (position IN ('PRINCIPAL', 'VICE_PRINCIPAL'));
ALTER TABLE teacher ADD COLUMN leadership_terms JSONB NOT NULL DEFAULT '[]';
