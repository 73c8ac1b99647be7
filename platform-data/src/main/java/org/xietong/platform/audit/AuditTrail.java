package org.xietong.platform.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.platform.api.Page;
import org.xietong.platform.schema.SqlValues;

import java.time.Instant;
import java.util.List;

/** Reads the audit trail of one entity, newest first, limited to the reader's region. */
@ApplicationScoped
public class AuditTrail {

    public record Entry(long id, Instant at, String actor, String actorSubject, String client, String action,
                        String entityType, String entityId, List<String> regionCodes, @JsonRawValue String summary) {
    }

    private final EntityManager em;

    public AuditTrail(EntityManager em) {
        this.em = em;
    }

    public Page<Entry> of(String entityType, String entityId, String regionPrefix, int page, int size) {
        String where = "FROM audit_entry WHERE entity_type = ?1 AND entity_id = ?2 AND (?3 = '' OR EXISTS "
                + "(SELECT 1 FROM unnest(region_codes) AS rc WHERE rc LIKE ?3 || '%'))";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, at, actor_name, actor_sub, client_id, action, entity_type, "
                        + "entity_id, array_to_string(region_codes, ' '), CAST(summary AS text) " + where
                        + " ORDER BY id DESC LIMIT ?4 OFFSET ?5")
                .setParameter(1, entityType).setParameter(2, entityId).setParameter(3, regionPrefix)
                .setParameter(4, size).setParameter(5, (long) page * size)
                .getResultList();
        long total = ((Number) em.createNativeQuery("SELECT count(*) " + where)
                .setParameter(1, entityType).setParameter(2, entityId).setParameter(3, regionPrefix)
                .getSingleResult()).longValue();
        List<Entry> entries = rows.stream().map(r -> new Entry(((Number) r[0]).longValue(),
                SqlValues.instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], List.of(((String) r[8]).split(" ")), (String) r[9])).toList();
        return new Page<>(entries, page, size, total);
    }
}
