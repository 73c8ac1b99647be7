package org.xietong.rotation.school;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xietong.contracts.pairing.SchoolRegistered;
import org.xietong.platform.events.CloudEvent;
import org.xietong.platform.events.Inbox;

import java.time.Instant;

/**
 * Applies pairing-service's events to the school replica, once per event id (inbox); event types this service
 * does not use are recorded as seen and skipped.
 */
@ApplicationScoped
public class PairingEventsConsumer {

    private final SchoolReplicaRepository replicas;
    private final Inbox inbox;
    private final ObjectMapper json;

    public PairingEventsConsumer(SchoolReplicaRepository replicas, Inbox inbox, ObjectMapper json) {
        this.replicas = replicas;
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming("pairing-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply("rotation.school-replica", record, event -> {
            if (SchoolRegistered.TYPE.equals(event.type())) {
                apply(event, read(event, SchoolRegistered.class));
            }
        });
    }

    private void apply(CloudEvent event, SchoolRegistered registered) {
        SchoolReplica school = replicas.findByIdOptional(registered.code()).orElseGet(SchoolReplica::new);
        school.code = registered.code();
        school.name = registered.name();
        school.regionCode = registered.regionCode();
        school.lastEventId = event.id();
        school.updatedAt = Instant.now();
        replicas.persist(school);
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        try {
            return json.readValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " has unreadable data: " + e.getOriginalMessage(), e);
        }
    }
}
