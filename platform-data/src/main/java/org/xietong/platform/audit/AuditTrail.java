package org.xietong.platform.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.platform.api.Page;

import java.time.Instant;
import java.util.List;

/** Reads the audit trail of one entity, newest first, limited to the reader's region. */
@ApplicationScoped
public class AuditTrail {

    public record AuditEntry(long id, Instant at, String actor, String actorSubject, String client, String action,
                        String entityType, String entityId, List<String> regionCodes, @JsonRawValue String summary) {
    }

    /** An audit row as read; native SQL because the region codes are a PostgreSQL array. */
    private record StoredEntry(long id, Instant at, String actorName, String actorSubject, String clientId, String action,
                               String entityType, String entityId, String regionCodes, String summary) {

        AuditEntry toEntry() {
            return new AuditEntry(id, at, actorName, actorSubject, clientId, action, entityType, entityId,
                    List.of(regionCodes.split(" ")), summary);
        }
    }

    private final EntityManager em;

    public AuditTrail(EntityManager em) {
        this.em = em;
    }

    public Page<AuditEntry> of(String entityType, String entityId, String regionPrefix, int page, int size) {
        String where = "FROM audit_entry WHERE entity_type = ?1 AND entity_id = ?2 AND (?3 = '' OR EXISTS "
                + "(SELECT 1 FROM unnest(region_codes) AS rc WHERE rc LIKE ?3 || '%'))";
        List<StoredEntry> rows = em.createNativeQuery("SELECT id, at, actor_name, actor_sub, client_id, action, entity_type, "
                        + "entity_id, array_to_string(region_codes, ' ') AS region_codes, CAST(summary AS text) AS summary "
                        + where + " ORDER BY id DESC LIMIT ?4 OFFSET ?5", StoredEntry.class)
                .setParameter(1, entityType).setParameter(2, entityId).setParameter(3, regionPrefix)
                .setParameter(4, size).setParameter(5, (long) page * size)
                .getResultList();
        long total = (Long) em.createNativeQuery("SELECT count(*) " + where, Long.class)
                .setParameter(1, entityType).setParameter(2, entityId).setParameter(3, regionPrefix)
                .getSingleResult();
        return new Page<>(rows.stream().map(StoredEntry::toEntry).toList(), page, size, total);
    }
}
