-- A clinic session carries a version, sent back in If-Match to cancel it (booking counts move without it).
ALTER TABLE clinic_session ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
