-- A grouping of schools is an education group, an alliance or a school district (学区); a school belongs to at
-- most one school district, which the member row carries so that the database can hold the rule.
ALTER TABLE alliance ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'EDUCATION_GROUP'
    CHECK (kind IN ('EDUCATION_GROUP', 'ALLIANCE', 'SCHOOL_DISTRICT'));
ALTER TABLE alliance_member ADD COLUMN school_district BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX alliance_member_one_school_district ON alliance_member (school_code) WHERE school_district;

-- An activity is hosted by a pairing, an alliance (or school district), or a region with several of its schools.
ALTER TABLE activity ALTER COLUMN pairing_id DROP NOT NULL;
ALTER TABLE activity ADD COLUMN alliance_id UUID REFERENCES alliance (id);
ALTER TABLE activity ADD COLUMN host_region VARCHAR(6);
ALTER TABLE activity ADD CONSTRAINT activity_one_host CHECK (num_nonnulls(pairing_id, alliance_id, host_region) = 1);
CREATE INDEX activity_alliance_idx ON activity (alliance_id, end_date) WHERE alliance_id IS NOT NULL;
CREATE INDEX activity_host_region_idx ON activity (host_region, end_date) WHERE host_region IS NOT NULL;
