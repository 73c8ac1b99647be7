package org.xietong.rotation.school;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xietong.contracts.pairing.AllianceChanged;
import org.xietong.contracts.pairing.PairingChanged;
import org.xietong.contracts.pairing.SchoolRegistered;
import org.xietong.contracts.pairing.SchoolRemoved;
import org.xietong.contracts.pairing.SchoolUpdated;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.events.CloudEvent;
import org.xietong.platform.events.Inbox;
import org.xietong.platform.security.Actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies pairing-service's events to the school replica and the school links, once per event id (inbox); event
 * types this service does not use are recorded as seen and skipped. Pairings between regions (not schools) link
 * no schools.
 */
@ApplicationScoped
public class PairingEventsConsumer {

    private static final String CONSUMER = "rotation.school-replica";
    private static final Actor ACTOR = Actor.system(CONSUMER);

    private final SchoolReplicaRepository replicas;
    private final SchoolLinks links;
    private final Inbox inbox;
    private final Audit audit;
    private final ObjectMapper json;

    public PairingEventsConsumer(SchoolReplicaRepository replicas, SchoolLinks links, Inbox inbox, Audit audit,
                                 ObjectMapper json) {
        this.replicas = replicas;
        this.links = links;
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
                apply(event, school.code(), school.name(), school.regionCode(), school.latitude(), school.longitude());
            } else if (SchoolUpdated.TYPE.equals(event.type())) {
                SchoolUpdated school = read(event, SchoolUpdated.class);
                apply(event, school.code(), school.name(), school.regionCode(), school.latitude(), school.longitude());
            } else if (SchoolRemoved.TYPE.equals(event.type())) {
                SchoolRemoved school = read(event, SchoolRemoved.class);
                if (replicas.deleteById(school.code())) {
                    audit.record(ACTOR, "school-replica.removed", "school", school.code(), List.of(school.regionCode()),
                            Map.of("event", event.id()));
                }
            } else if (PairingChanged.TYPES.contains(event.type())) {
                PairingChanged pairing = read(event, PairingChanged.class);
                boolean schools = !"REGION".equals(pairing.kind());
                links.replace(pairing.id(), SchoolLinks.Kind.PAIRING, schools && "ACTIVE".equals(pairing.status())
                        ? List.of(pairing.supportingParty(), pairing.supportedParty()) : List.of());
            } else if (AllianceChanged.TYPES.contains(event.type())) {
                AllianceChanged alliance = read(event, AllianceChanged.class);
                List<String> members = new ArrayList<>(alliance.members());
                members.add(alliance.leadSchool());
                links.replace(alliance.id(), SchoolLinks.Kind.ALLIANCE, members);
            }
        });
    }

    private void apply(CloudEvent event, String code, String name, String regionCode, Double latitude, Double longitude) {
        SchoolReplica school = replicas.findByIdOptional(code).orElseGet(SchoolReplica::new);
        String before = school.name;
        school.code = code;
        school.name = name;
        school.regionCode = regionCode;
        school.latitude = latitude;
        school.longitude = longitude;
        school.lastEventId = event.id();
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
