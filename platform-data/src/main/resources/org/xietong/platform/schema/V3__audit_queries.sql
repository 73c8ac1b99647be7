-- Audit questions by actor (user name or subject) and by client, newest first (AuditTrail.search).
CREATE INDEX audit_entry_actor_name_idx ON audit_entry (actor_name, id);
CREATE INDEX audit_entry_actor_sub_idx ON audit_entry (actor_sub, id);
CREATE INDEX audit_entry_client_idx ON audit_entry (client_id, id);
