package org.xietong.platform.audit;

import org.xietong.platform.problem.ProblemException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * What an audit reader asks: one entity's trail, or what an actor (user name or subject) or a client (a partner
 * system's client id) changed, optionally within [from, to). At least an entity, an actor or a client is named, so
 * a question never means "everything": the answer is paged and each criterion has an index.
 */
public record AuditQuery(String entityType, String entityId, String actor, String client, Instant from, Instant to) {

    /** Reads the query parameters; a refusal names what is wrong. */
    public static AuditQuery of(String entity, String id, String actor, String client, String from, String to) {
        AuditQuery query = new AuditQuery(blankToNull(entity), blankToNull(id), blankToNull(actor),
                blankToNull(client), instant(from, "from"), instant(to, "to"));
        if (query.entityId != null && query.entityType == null) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid parameter", "'id' needs 'entity'");
        }
        if (query.entityType == null && query.actor == null && query.client == null) {
            throw ProblemException.badRequest("audit-question-too-wide", "Audit question too wide",
                    "Name an entity (entity, and id for one object), an actor or a client");
        }
        if (query.from != null && query.to != null && !query.from.isBefore(query.to)) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid parameter", "'from' must be before 'to'");
        }
        return query;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // An unencoded "+08:00" arrives as " 08:00" (a plus is a space in a query string).
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid parameter",
                    "'" + parameter + "' must be a date-time with an offset, e.g. 2026-11-28T00:00:00+08:00");
        }
    }
}
