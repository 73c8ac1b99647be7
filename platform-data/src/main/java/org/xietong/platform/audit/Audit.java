package org.xietong.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.xietong.platform.schema.SqlValues;
import org.xietong.platform.security.Actor;

import java.util.Collection;
import java.util.Map;

/** Records every state change in the caller's transaction: actor, client, time, action, entity and what changed. */
@ApplicationScoped
public class Audit {

    private final EntityManager em;
    private final ObjectMapper json;

    public Audit(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public void record(Actor actor, String action, String entityType, String entityId, Collection<String> regionCodes,
                       Map<String, ?> summary) {
        em.createNativeQuery("INSERT INTO audit_entry (actor_sub, actor_name, client_id, action, entity_type, entity_id, "
                        + "region_codes, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS varchar(6)[]), CAST(?8 AS jsonb))")
                .setParameter(1, actor.subject())
                .setParameter(2, actor.name())
                .setParameter(3, actor.clientId())
                .setParameter(4, action)
                .setParameter(5, entityType)
                .setParameter(6, entityId)
                .setParameter(7, SqlValues.regionArray(regionCodes))
                .setParameter(8, write(summary))
                // Touches no entity table: no need to flush (and dirty-check) the whole session first, which made
                // a 5,000-row import quadratic.
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
    }

    private String write(Map<String, ?> summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
