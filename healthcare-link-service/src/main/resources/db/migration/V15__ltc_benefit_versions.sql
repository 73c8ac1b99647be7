-- LTC benefits are effective-dated like settlement rules: a region's benefit table has versions, each in force from
-- valid_from; a recognition takes the version in force on its day. Tables set before this are in force since 2000.
ALTER TABLE ltc_benefit ADD COLUMN valid_from DATE NOT NULL DEFAULT DATE '2000-01-01';
ALTER TABLE ltc_benefit DROP CONSTRAINT ltc_benefit_pkey;
ALTER TABLE ltc_benefit ADD PRIMARY KEY (region_code, grade, valid_from);
ALTER TABLE ltc_benefit ALTER COLUMN valid_from DROP DEFAULT;
