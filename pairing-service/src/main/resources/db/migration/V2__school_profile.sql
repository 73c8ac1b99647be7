-- The school profile: where it is (URBAN / TOWNSHIP / RURAL), what it teaches, and whether it is a quality-resource
-- school (优质资源校). Rows from before this migration default to URBAN / JUNIOR.
ALTER TABLE school
    ADD COLUMN location_type    VARCHAR(10)      NOT NULL DEFAULT 'URBAN'
        CHECK (location_type IN ('URBAN', 'TOWNSHIP', 'RURAL')),
    ADD COLUMN level            VARCHAR(12)      NOT NULL DEFAULT 'JUNIOR'
        CHECK (level IN ('PRIMARY', 'JUNIOR', 'NINE_YEAR', 'SENIOR', 'VOCATIONAL', 'UNIVERSITY')),
    ADD COLUMN latitude         DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude        DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN student_count    INT              CHECK (student_count >= 0),
    ADD COLUMN quality_resource BOOLEAN          NOT NULL DEFAULT false,
    ADD COLUMN updated_at       TIMESTAMPTZ      NOT NULL DEFAULT now(),
    ADD CONSTRAINT school_coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL));
ALTER TABLE school ALTER COLUMN location_type DROP DEFAULT, ALTER COLUMN level DROP DEFAULT;

CREATE INDEX school_search_idx ON school (location_type, level);
