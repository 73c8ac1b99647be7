-- Effective dating: a policy or catalog item has versions, each in force from valid_from until the next begins.
-- Rows written before versions existed are in force since 2000-01-01, as they were for every bill until now.
ALTER TABLE settlement_policy ADD COLUMN valid_from DATE NOT NULL DEFAULT DATE '2000-01-01';
ALTER TABLE settlement_policy DROP CONSTRAINT settlement_policy_pkey;
ALTER TABLE settlement_policy ADD PRIMARY KEY (region_code, valid_from);
ALTER TABLE settlement_policy ALTER COLUMN valid_from DROP DEFAULT;

ALTER TABLE settlement_catalog_item ADD COLUMN valid_from DATE NOT NULL DEFAULT DATE '2000-01-01';
ALTER TABLE settlement_catalog_item DROP CONSTRAINT settlement_catalog_item_pkey;
ALTER TABLE settlement_catalog_item ADD PRIMARY KEY (region_code, item_code, valid_from);
ALTER TABLE settlement_catalog_item ALTER COLUMN valid_from DROP DEFAULT;
