-- A dossier entry written by mistake (the wrong teacher, a training that never took place) is withdrawn with the
-- reason: it stays in the dossier, marked, and no longer counts for title evaluation, awards or credits.
ALTER TABLE dossier_entry ADD COLUMN withdrawn_at TIMESTAMPTZ;
ALTER TABLE dossier_entry ADD COLUMN withdrawn_by VARCHAR(100);
ALTER TABLE dossier_entry ADD COLUMN withdrawal_reason VARCHAR(500);
