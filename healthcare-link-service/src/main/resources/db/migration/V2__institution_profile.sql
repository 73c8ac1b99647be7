-- Grade (一级/二级/三级 with 甲/乙/丙), type and capabilities decide routing (LTC assessors, remote-consultation
-- nodes, dialysis centres) and the settlement policy line (by tier); coordinates find the nearest assessor.
ALTER TABLE institution
    ADD COLUMN level        VARCHAR(8)  NOT NULL DEFAULT 'UNRATED',
    ADD COLUMN type         VARCHAR(10) NOT NULL DEFAULT 'GENERAL' CHECK (type IN ('GENERAL', 'TCM', 'SPECIALTY')),
    ADD COLUMN capabilities TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN latitude     DOUBLE PRECISION,
    ADD COLUMN longitude    DOUBLE PRECISION,
    ADD COLUMN updated_at   TIMESTAMPTZ NOT NULL DEFAULT now();
