package org.xietong.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A service's published events for partners, oldest first, as CloudEvents JSON. The cursor is the feed position
 * of the last event returned: positions are assigned at publication in commit order, so a cursor never skips an
 * event that committed late.
 */
@ApplicationScoped
public class ExchangeFeed {

    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");

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
        long after = parse(cursor);
        List<StoredEvent> rows = em.createNativeQuery("SELECT feed_position, " + StoredEvent.COLUMNS + " FROM outbox_event "
                        + "WHERE feed_position > ?1 AND (?2 = '' OR EXISTS "
                        + "(SELECT 1 FROM unnest(region_codes) AS rc WHERE rc LIKE ?2 || '%')) "
                        + "ORDER BY feed_position LIMIT ?3", StoredEvent.class)
                .setParameter(1, after)
                .setParameter(2, regionPrefix)
                .setParameter(3, limit + 1)
                .getResultList();
        boolean hasMore = rows.size() > limit;
        List<CloudEvent> events = new ArrayList<>();
        long last = after;
        for (StoredEvent row : rows.subList(0, Math.min(limit, rows.size()))) {
            last = row.position();
            events.add(row.toCloudEvent(config.source()));
        }
        return new FeedPage(events, Long.toString(last), hasMore);
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
