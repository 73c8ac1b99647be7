package org.xietong.platform.schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;

/** Conversions for the platform's native queries. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz column as the JDBC driver and Hibernate hand it back. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    /** A PostgreSQL array literal for region codes, bound as text and cast in SQL; the codes are validated digits. */
    public static String regionArray(Collection<String> regionCodes) {
        return "{" + String.join(",", regionCodes) + "}";
    }
}
