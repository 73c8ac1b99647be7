package org.xietong.platform.events.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xietong.platform.events.Inbox;

/** The test app's consumer: applies each ledger event once; a "poison" note always fails. */
@ApplicationScoped
public class LedgerEffects {

    private final Inbox inbox;
    private final EntityManager em;
    private final ObjectMapper json;

    public LedgerEffects(Inbox inbox, EntityManager em, ObjectMapper json) {
        this.inbox = inbox;
        this.em = em;
        this.json = json;
    }

    @Incoming("test-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply("ledger-effects", record, event -> {
            JsonNode data = read(event.data());
            if ("poison".equals(data.path("note").asText())) {
                throw new IllegalArgumentException("this entry can never be applied");
            }
            em.createNativeQuery("INSERT INTO applied_effect (event_id, entry_id) VALUES (?1, ?2)")
                    .setParameter(1, event.id())
                    .setParameter(2, data.path("id").asText())
                    .executeUpdate();
        });
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable event data", e);
        }
    }
}
