package org.xietong.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One event as CloudEvents 1.0 sees it. On Kafka it travels in binary mode: attributes as {@code ce_*} headers,
 * the JSON data as the record value, the subject (aggregate id) as the key. In the exchange feed it is
 * serialised in the structured JSON format. {@code regioncodes} is the extension listing the GB/T 2260 codes the
 * event concerns, space-separated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(@Schema(enumeration = "1.0") String specversion,
                         @Schema(maxLength = 64, description = "Unique per source; a receiver applies each id once") String id,
                         @Schema(maxLength = 200, description = "The service that published it") String source,
                         @Schema(maxLength = 200, description = "The event type, e.g. org.xietong.pairing.school.registered.v1")
                         String type,
                         @Schema(maxLength = 200, description = "The aggregate's id; events of one subject keep their order")
                         String subject,
                         Instant time,
                         @Schema(enumeration = JSON) String datacontenttype,
                         @Schema(maxLength = 2000, description = "The GB/T 2260 codes the event concerns, space-separated")
                         String regioncodes,
                         // Any JSON value, as the type's own schema describes; KitEndpointDocs writes it untyped.
                         @JsonRawValue String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static CloudEvent of(String id, String source, String type, String subject, Instant time,
                                List<String> regionCodes, String jsonData) {
        return new CloudEvent(SPEC_VERSION, id, source, type, subject, time, JSON, String.join(" ", regionCodes), jsonData);
    }

    public List<String> regionCodeList() {
        return regioncodes == null || regioncodes.isBlank() ? List.of() : Arrays.asList(regioncodes.split(" "));
    }

    public Headers kafkaHeaders() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", specversion);
        add(headers, "ce_id", id);
        add(headers, "ce_source", source);
        add(headers, "ce_type", type);
        add(headers, "ce_subject", subject);
        add(headers, "ce_time", time.toString());
        add(headers, "ce_regioncodes", regioncodes);
        add(headers, "content-type", datacontenttype);
        return headers;
    }

    /** Reads a binary-mode record; fails on a record that is not a CloudEvent. */
    public static CloudEvent fromKafka(Headers headers, String value) {
        String id = header(headers, "ce_id");
        String type = header(headers, "ce_type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("not a CloudEvent: ce_id or ce_type header missing");
        }
        String time = header(headers, "ce_time");
        return new CloudEvent(header(headers, "ce_specversion"), id, header(headers, "ce_source"), type,
                header(headers, "ce_subject"), time == null ? null : Instant.parse(time),
                header(headers, "content-type"), header(headers, "ce_regioncodes"), value);
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
