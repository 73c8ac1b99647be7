-- School levels as the seeds name them: 完全中学 (junior and senior grades), 特殊教育 and 幼儿园 beside the others; and
-- activities held partly on site, partly online (MIXED).
ALTER TABLE school DROP CONSTRAINT school_level_check;
ALTER TABLE school ALTER COLUMN level TYPE VARCHAR(20);
ALTER TABLE school ADD CONSTRAINT school_level_check CHECK (level IN ('PRIMARY', 'JUNIOR', 'NINE_YEAR',
    'COMPLETE_SECONDARY', 'SENIOR', 'SPECIAL_EDUCATION', 'KINDERGARTEN', 'VOCATIONAL', 'UNIVERSITY'));
ALTER TABLE activity DROP CONSTRAINT activity_mode_check;
ALTER TABLE activity ADD CONSTRAINT activity_mode_check CHECK (mode IN ('ONLINE', 'OFFLINE', 'MIXED'));
