-- A dossier entry carries a version, sent back in If-Match to withdraw it.
ALTER TABLE dossier_entry ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
