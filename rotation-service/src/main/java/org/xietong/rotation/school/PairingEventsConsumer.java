package org.xietong.rotation.school;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xietong.contracts.pairing.SchoolRegistered;
import org.xietong.contracts.pairing.SchoolRemoved;
import org.xietong.contracts.pairing.SchoolUpdated;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.events.CloudEvent;
import org.xietong.platform.events.Inbox;
import org.xietong.platform.security.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Applies pairing-service's events to the school replica, once per event id (inbox); event types this service
 * does not use are recorded as seen and skipped.
 */
@ApplicationScoped
public class PairingEventsConsumer {

    private static final String CONSUMER = "rotation.school-replica";
    private static final Actor ACTOR = Actor.system(CONSUMER);

    private final SchoolReplicaRepository replicas;
    private final Inbox inbox;
    private final Audit audit;
    private final ObjectMapper json;

    public PairingEventsConsumer(SchoolReplicaRepository replicas, Inbox inbox, Audit audit, ObjectMapper json) {
        this.replicas = replicas;
        this.inbox = inbox;
        this.audit = audit;
        this.json = json;
    }

    @Incoming("pairing-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, event -> {
            if (SchoolRegistered.TYPE.equals(event.type())) {
                SchoolRegistered school = read(event, SchoolRegistered.class);
                apply(event, school.code(), school.name(), school.regionCode());
            } else if (SchoolUpdated.TYPE.equals(event.type())) {
                SchoolUpdated school = read(event, SchoolUpdated.class);
                apply(event, school.code(), school.name(), school.regionCode());
            } else if (SchoolRemoved.TYPE.equals(event.type())) {
                SchoolRemoved school = read(event, SchoolRemoved.class);
                if (replicas.deleteById(school.code())) {
                    audit.record(ACTOR, "school-replica.removed", "school", school.code(), List.of(school.regionCode()),
                            Map.of("event", event.id()));
                }
            }
        });
    }

    private void apply(CloudEvent event, String code, String name, String regionCode) {
        SchoolReplica school = replicas.findByIdOptional(code).orElseGet(SchoolReplica::new);
        String before = school.name;
        school.code = code;
        school.name = name;
        school.regionCode = regionCode;
        school.lastEventId = event.id();
        school.updatedAt = Instant.now();
        replicas.persist(school);
        audit.record(ACTOR, "school-replica.applied", "school", code, List.of(regionCode),
                Map.of("event", event.id(), "type", event.type(), "name", Map.of("from", String.valueOf(before), "to", name)));
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        try {
            return json.readValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " has unreadable data: " + e.getOriginalMessage(), e);
        }
    }
}
