package org.xietong.rotation.school;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.xietong.contracts.pairing.SchoolRegistered;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Applies pairing-service's events to the school replica. Applying an event is an upsert by school code, so a
 * redelivered event changes nothing; event types this service does not use are skipped.
 */
@ApplicationScoped
public class PairingEventsConsumer {

    private static final Logger LOG = Logger.getLogger(PairingEventsConsumer.class);

    private final SchoolReplicaRepository replicas;
    private final ObjectMapper json;

    public PairingEventsConsumer(SchoolReplicaRepository replicas, ObjectMapper json) {
        this.replicas = replicas;
        this.json = json;
    }

    @Incoming("pairing-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) throws JsonProcessingException {
        String type = header(record, "ce_type");
        if (!SchoolRegistered.TYPE.equals(type)) {
            LOG.debugf("skipping event type %s", type);
            return;
        }
        SchoolRegistered event = json.readValue(record.value(), SchoolRegistered.class);
        SchoolReplica school = replicas.findByIdOptional(event.code()).orElseGet(SchoolReplica::new);
        school.code = event.code();
        school.name = event.name();
        school.regionCode = event.regionCode();
        school.lastEventId = header(record, "ce_id");
        school.updatedAt = Instant.now();
        replicas.persist(school);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
