package org.xietong.platform.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.platform.api.Page;

import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

    /** The entries the query names whose regions fall under the prefix ("" for every region), newest first. */
    public Page<AuditEntry> search(AuditQuery query, String regionPrefix, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        condition(conditions, values, "entity_type = ?", query.entityType());
        condition(conditions, values, "entity_id = ?", query.entityId());
        condition(conditions, values, "(actor_name = ? OR actor_sub = ?)", query.actor(), query.actor());
        condition(conditions, values, "client_id = ?", query.client());
        condition(conditions, values, "at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        condition(conditions, values, "at < ?", query.to() == null ? null : Timestamp.from(query.to()));
        condition(conditions, values, "(? = '' OR EXISTS (SELECT 1 FROM unnest(region_codes) AS rc WHERE rc LIKE ? || '%'))",
                regionPrefix, regionPrefix);
        // Each "?" becomes a numbered parameter, in the order the values were added.
        StringBuilder where = new StringBuilder("FROM audit_entry WHERE ");
        int n = 0;
        for (char c : String.join(" AND ", conditions).toCharArray()) {
            where.append(c);
            if (c == '?') {
                where.append(++n);
            }
        }
        Query rows = em.createNativeQuery("SELECT id, at, actor_name, actor_sub, client_id, action, entity_type, "
                + "entity_id, array_to_string(region_codes, ' ') AS region_codes, CAST(summary AS text) AS summary "
                + where + " ORDER BY id DESC LIMIT ?" + (values.size() + 1) + " OFFSET ?" + (values.size() + 2),
                StoredEntry.class);
        Query count = em.createNativeQuery("SELECT count(*) " + where, Long.class);
        for (int i = 0; i < values.size(); i++) {
            rows.setParameter(i + 1, values.get(i));
            count.setParameter(i + 1, values.get(i));
        }
        rows.setParameter(values.size() + 1, size).setParameter(values.size() + 2, (long) page * size);
        @SuppressWarnings("unchecked")
        List<StoredEntry> entries = rows.getResultList();
        return new Page<>(entries.stream().map(StoredEntry::toEntry).toList(), page, size,
                (Long) count.getSingleResult());
    }

    /** Adds the condition with its values unless the criterion is absent (its first value null). */
    private static void condition(List<String> conditions, List<Object> values, String condition, Object... given) {
        if (given[0] != null) {
            conditions.add(condition);
            values.addAll(List.of(given));
        }
    }
}
