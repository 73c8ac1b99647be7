package org.xietong.pairing.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xietong.contracts.rotation.ExchangeConfirmed;
import org.xietong.platform.events.Inbox;

/** Turns rotation-service's confirmed teacher exchanges into activities of the schools' pairing, once per event. */
@ApplicationScoped
public class RotationExchangeConsumer {

    private final ActivityService activities;
    private final Inbox inbox;
    private final ObjectMapper json;

    public RotationExchangeConsumer(ActivityService activities, Inbox inbox, ObjectMapper json) {
        this.activities = activities;
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming("rotation-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply("pairing.rotation-exchanges", record, event -> {
            if (ExchangeConfirmed.TYPE.equals(event.type())) {
                activities.recordExchange(read(event.data()));
            }
        });
    }

    private ExchangeConfirmed read(String data) {
        try {
            return json.readValue(data, ExchangeConfirmed.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable exchange event: " + e.getOriginalMessage(), e);
        }
    }
}
