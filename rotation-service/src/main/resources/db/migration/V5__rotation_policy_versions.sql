-- Effective dating: a region's rotation policy has versions, each in force from valid_from until the next begins; a
-- cycle is run, listed and counted under the version in force on its first day (1 September).
ALTER TABLE rotation_policy ADD COLUMN valid_from DATE NOT NULL DEFAULT DATE '2000-01-01';
ALTER TABLE rotation_policy DROP CONSTRAINT rotation_policy_pkey;
ALTER TABLE rotation_policy ADD PRIMARY KEY (region_code, valid_from);
ALTER TABLE rotation_policy ALTER COLUMN valid_from DROP DEFAULT;
