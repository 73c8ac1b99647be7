package org.xietong.platform.events;

import java.time.Instant;

/**
 * A row of the outbox as the relay and the exchange feed read it: {@code position} is the outbox order (seq) for the
 * relay and the feed position for the feed. Native SQL because the region codes are a PostgreSQL array.
 */
record StoredEvent(long position, String id, String type, String subject, String regionCodes, Instant occurredAt,
                   String data) {

    /** The columns after the position, in the order of the record's components. */
    static final String COLUMNS = "CAST(id AS text) AS id, type, subject, "
            + "array_to_string(region_codes, ' ') AS region_codes, occurred_at, CAST(data AS text) AS data";

    CloudEvent toCloudEvent(String source) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, id, source, type, subject, occurredAt, CloudEvent.JSON,
                regionCodes, data);
    }
}
