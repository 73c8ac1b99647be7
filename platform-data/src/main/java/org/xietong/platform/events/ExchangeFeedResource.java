package org.xietong.platform.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.xietong.platform.security.Caller;

/**
 * The partner exchange feed; each service exposes it under its own prefix by extending this class with
 * {@code @Path("/api/v1/<area>/exchange")}; its purpose is the area's, from xietong.access.exchange-purpose
 * (e.g. pairing:exchange).
 */
public abstract class ExchangeFeedResource {

    private final ExchangeFeed feed;
    private final Caller caller;

    protected ExchangeFeedResource(ExchangeFeed feed, Caller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @RolesAllowed("${xietong.access.exchange-purpose}")
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List this area's events",
            description = "This service's events in your region, oldest first, as structured CloudEvents (JSON); "
                    + "pass the returned 'next' as 'after' to continue. Narrow it by 'types' (comma-separated, a type "
                    + "ending in * takes every type it begins) and 'subject'; a narrowed page looks through at most "
                    + "10,000 events past the cursor, so it may be empty with hasMore and a cursor moved on. Needs the "
                    + "area's exchange purpose.")
    public ExchangeFeed.FeedPage events(@QueryParam("after") @Parameter(description = "The cursor a page returned "
                                                + "as 'next'; absent for the oldest events",
                                                schema = @Schema(type = SchemaType.STRING, pattern = "[0-9]{1,18}"))
                                        String after,
                                        @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                        @QueryParam("types") @Size(max = 4200) @Parameter(description = "At most 20 "
                                                + "event types, comma-separated; org.xietong.healthcare.settlement.* "
                                                + "takes every settlement event",
                                                example = "org.xietong.pairing.activity.*") String types,
                                        @QueryParam("subject") @Size(max = 200) @Parameter(description = "Only the "
                                                + "events about this subject (a pairing's id, a settlement's id …)")
                                        String subject) {
        return feed.read(after, limit, caller.listingPrefix(), ExchangeFeed.Filter.of(types, subject));
    }
}
