package org.xietong.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service's published events for partners, oldest first, as CloudEvents JSON. The cursor is the feed position
 * of the last event returned: positions are assigned at publication in commit order, so a cursor never skips an
 * event that committed late.
 */
@ApplicationScoped
public class ExchangeFeed {

    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");
    /** How many feed positions a filtered page looks through at most. */
    static final long FILTER_WINDOW = 10_000;

    public record FeedPage(@Schema(maxItems = 1000) List<CloudEvent> events,
                           @Schema(pattern = "[0-9]{1,18}", description = "The cursor to send as after= for the next page")
                           String next,
                           boolean hasMore) {
    }

    private final EntityManager em;
    private final EventsConfig config;

    public ExchangeFeed(EntityManager em, EventsConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Events after {@code cursor} concerning a region under {@code regionPrefix} ("" for all). */
    public FeedPage read(String cursor, int limit, String regionPrefix) {
        return read(cursor, limit, regionPrefix, Filter.NONE);
    }

    /**
     * Which events a reader wants: types, each exact or ending in {@code *} for every type it begins
     * ({@code org.xietong.healthcare.settlement.*}), and one subject; empty for all.
     */
    public record Filter(List<String> types, String subject) {

        public static final Filter NONE = new Filter(List.of(), null);

        private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,199}\\*?|\\*");
        private static final int MAX_TYPES = 20;

        /** From the query's comma-separated types and subject; 400 naming what is wrong. */
        public static Filter of(String types, String subject) {
            List<String> patterns = types == null || types.isBlank() ? List.of()
                    : Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
            if (patterns.size() > MAX_TYPES || patterns.stream().anyMatch(t -> !TYPE.matcher(t).matches())) {
                throw ProblemException.badRequest("invalid-types", "Invalid types", "'types' is at most " + MAX_TYPES
                        + " event types separated by commas, each in lower case and ending in * to take every type it begins");
            }
            String exact = subject == null || subject.isBlank() ? null : subject.strip();
            if (exact != null && exact.length() > 200) {
                throw ProblemException.badRequest("invalid-subject", "Invalid subject", "'subject' is at most 200 characters");
            }
            return new Filter(patterns, exact);
        }

        boolean any() {
            return !types.isEmpty() || subject != null;
        }

        /** The types as a PostgreSQL array of LIKE patterns (the type pattern admits no other LIKE or array syntax). */
        public String likePatterns() {
            return types.stream().map(t -> t.replace("*", "%")).collect(Collectors.joining(",", "{", "}"));
        }
    }

    /**
     * As {@link #read(String, int, String)}, keeping only the events the filter wants. A filtered page looks at no
     * more than {@link #FILTER_WINDOW} positions past the cursor, so a rare type costs each request a bounded scan;
     * a page may then be empty with {@code hasMore} and a cursor moved on.
     */
    public FeedPage read(String cursor, int limit, String regionPrefix, Filter filter) {
        long after = parse(cursor);
        long until = filter.any() ? after + FILTER_WINDOW : Long.MAX_VALUE;
        List<StoredEvent> rows = em.createNativeQuery("SELECT feed_position, " + StoredEvent.COLUMNS + " FROM outbox_event "
                        + "WHERE feed_position > ?1 AND feed_position <= ?4 AND (?2 = '' OR EXISTS "
                        + "(SELECT 1 FROM unnest(region_codes) AS rc WHERE rc LIKE ?2 || '%')) "
                        + "AND (?5 = '{}' OR type LIKE ANY (CAST(?5 AS text[]))) AND (?6 = '' OR subject = ?6) "
                        + "ORDER BY feed_position LIMIT ?3", StoredEvent.class)
                .setParameter(1, after)
                .setParameter(2, regionPrefix)
                .setParameter(3, limit + 1)
                .setParameter(4, until)
                .setParameter(5, filter.types().isEmpty() ? "{}" : filter.likePatterns())
                .setParameter(6, filter.subject() == null ? "" : filter.subject())
                .getResultList();
        boolean more = rows.size() > limit;
        List<CloudEvent> events = new ArrayList<>();
        long last = after;
        for (StoredEvent row : rows.subList(0, Math.min(limit, rows.size()))) {
            last = row.position();
            events.add(row.toCloudEvent(config.source()));
        }
        if (!more && filter.any()) {
            // The window was read to its end: continue after it, if the feed goes on beyond.
            long published = ((Number) em.createNativeQuery("SELECT last_position FROM outbox_feed_state WHERE id = 1")
                    .getSingleResult()).longValue();
            last = Math.max(last, Math.min(until, published));
            more = published > until;
        }
        return new FeedPage(events, Long.toString(last), more);
    }

    private static long parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        if (!CURSOR.matcher(cursor).matches()) {
            throw ProblemException.badRequest("invalid-cursor", "Invalid cursor",
                    "'after' must be a cursor returned as 'next' by this feed");
        }
        return Long.parseLong(cursor);
    }
}
