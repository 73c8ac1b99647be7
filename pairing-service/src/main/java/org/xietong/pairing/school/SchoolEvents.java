package org.xietong.pairing.school;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.xietong.contracts.pairing.SchoolRegistered;

import java.time.Duration;
import java.util.UUID;

/**
 * Publishes school events as CloudEvents keyed by school code. Sending waits for the broker's acknowledgement, so a
 * registration whose event could not be published fails and its transaction rolls back.
 */
@ApplicationScoped
public class SchoolEvents {

    private final MutinyEmitter<SchoolRegistered> emitter;

    public SchoolEvents(@Channel("pairing-events") MutinyEmitter<SchoolRegistered> emitter) {
        this.emitter = emitter;
    }

    void registered(School school) {
        SchoolRegistered event = new SchoolRegistered(school.code, school.name, school.regionCode);
        Message<SchoolRegistered> message = Message.of(event)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(UUID.randomUUID().toString())
                        .withType(SchoolRegistered.TYPE)
                        .withSubject(school.code)
                        .withExtension("regioncodes", school.regionCode)
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(school.code).build());
        emitter.sendMessage(message).await().atMost(Duration.ofSeconds(15));
    }
}
