package org.xietong.platform.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.delivery.Delivery;
import org.xietong.platform.delivery.DeliveryState;
import org.xietong.platform.delivery.ReplayRequest;
import org.xietong.platform.delivery.Subscription;
import org.xietong.platform.delivery.SubscriptionRequest;
import org.xietong.platform.delivery.SubscriptionSecret;
import org.xietong.platform.delivery.Subscriptions;
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

import java.util.UUID;

/**
 * The partner exchange: the feed, and push subscriptions to it. Each service exposes it under its own prefix by
 * extending this class with {@code @Path("/api/v1/<area>/exchange")}; its purpose is the area's, from
 * xietong.access.exchange-purpose (e.g. pairing:exchange).
 */
public abstract class ExchangeFeedResource {

    private static final String SUBSCRIPTION_ID = "The subscription's id";

    private final ExchangeFeed feed;
    private final Subscriptions subscriptions;
    private final Caller caller;

    protected ExchangeFeedResource(ExchangeFeed feed, Subscriptions subscriptions, Caller caller) {
        this.feed = feed;
        this.subscriptions = subscriptions;
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

    @POST
    @RolesAllowed("${xietong.access.exchange-purpose}")
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to this area's events",
            description = "Posts the events of the chosen types and regions (within yours) to your endpoint, from "
                    + "now on, each subject's in feed order, each signed by the Standard Webhooks convention "
                    + "(webhook-id, webhook-timestamp, webhook-signature) with a structured CloudEvent as the body. A "
                    + "failed delivery holds back its subject's later events and is retried with back-off for 24 "
                    + "hours, then dead-lettered; replay it when your receiver is mended. Delivery is at least once: "
                    + "apply each webhook-id once. The answer shows the signing secret, once. Needs the area's "
                    + "exchange purpose.")
    @APIResponse(responseCode = "201", description = "The subscription and its secret",
            headers = @Header(name = "Location", description = "The new subscription"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionSecret.class)))
    @APIResponse(responseCode = "403", description = "A region is outside yours")
    @APIResponse(responseCode = "409", description = "You keep the most subscriptions allowed")
    @APIResponse(responseCode = "422", description = "The endpoint's host resolves to an address this installation does not deliver to")
    public Response subscribe(@Valid @NotNull SubscriptionRequest request, @Context UriInfo uri) {
        SubscriptionSecret created = subscriptions.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.subscription().id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed("${xietong.access.exchange-purpose}")
    @Path("subscriptions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List your subscriptions", description = "Your push subscriptions to this area's events, "
            + "oldest first, with where each stands. Needs the area's exchange purpose.")
    public Page<Subscription> subscriptions(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return subscriptions.list(page, size);
    }

    @GET
    @RolesAllowed("${xietong.access.exchange-purpose}")
    @Path("subscriptions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a subscription", description = "One of your subscriptions: its cursor, whether it "
            + "fails and since when, and how many events are dead-lettered. Needs the area's exchange purpose.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
    public Subscription subscription(@PathParam("id") @Parameter(description = SUBSCRIPTION_ID) UUID id) {
        return subscriptions.get(id);
    }

    @PUT
    @RolesAllowed("${xietong.access.exchange-purpose}")
    @Path("subscriptions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a subscription", description = "Replaces the endpoint, types, regions, "
            + "description and whether it is enabled; the cursor and secret stay. A disabled subscription keeps "
            + "its place and catches up when enabled again. Needs the area's exchange purpose.")
    @APIResponse(responseCode = "200", description = "The subscription as changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "403", description = "A region is outside yours")
    @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
    @APIResponse(responseCode = "422", description = "The endpoint's host resolves to an address this installation does not deliver to")
    public Subscription changeSubscription(@PathParam("id") @Parameter(description = SUBSCRIPTION_ID) UUID id,
                                           @Valid @NotNull SubscriptionRequest request) {
        return subscriptions.update(id, request);
    }

    @DELETE
    @RolesAllowed("${xietong.access.exchange-purpose}")
    @Path("subscriptions/{id}")
    @Operation(summary = "Delete a subscription", description = "Stops the deliveries and forgets the "
            + "subscription and its delivery log. Needs the area's exchange purpose.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
    public void deleteSubscription(@PathParam("id") @Parameter(description = SUBSCRIPTION_ID) UUID id) {
        subscriptions.delete(id);
    }

    @POST
    @RolesAllowed("${xietong.access.exchange-purpose}")
    @Path("subscriptions/{id}/secret")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate a subscription's secret", description = "Makes a new signing secret and shows it "
            + "once; for the next 24 hours each delivery carries a signature by the old secret too, so your receiver "
            + "can switch without refusing any. Needs the area's exchange purpose.")
    @APIResponse(responseCode = "200", description = "The subscription and its new secret", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionSecret.class)))
    @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
    public SubscriptionSecret rotateSubscriptionSecret(@PathParam("id") @Parameter(description = SUBSCRIPTION_ID) UUID id) {
        return subscriptions.rotateSecret(id);
    }

    @GET
    @RolesAllowed("${xietong.access.exchange-purpose}")
    @Path("subscriptions/{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a subscription's deliveries", description = "The delivery log, newest event first: "
            + "each event's state, attempts, the receiver's status codes and latency; 'state' narrows it (DEAD for "
            + "the dead letters). Needs the area's exchange purpose.")
    public Page<Delivery> deliveries(@PathParam("id") @Parameter(description = SUBSCRIPTION_ID) UUID id,
                                     // The values inline: a validating proxy reads a referenced schema's value as JSON.
                                     @QueryParam("state") @Size(max = 20) @Parameter(description = "Only the "
                                             + "deliveries in this state", schema = @Schema(type = SchemaType.STRING,
                                             enumeration = {"PENDING", "DELIVERED", "DEAD"}))
                                     String state,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return subscriptions.deliveries(id, QueryParams.enumOf(DeliveryState.class, state, "state"), page, size);
    }

    @POST
    @RolesAllowed("${xietong.access.exchange-purpose}")
    @Path("subscriptions/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay a subscription's events", description = "Delivers again, in order and with the ids "
            + "they had, every event after a cursor (by default just before the oldest dead letter); events already "
            + "delivered after it come again, and your receiver applies each webhook-id once. Needs the area's "
            + "exchange purpose.")
    @APIResponse(responseCode = "200", description = "The subscription, its cursor moved back", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "404", description = "No subscription of yours has this id")
    @APIResponse(responseCode = "409", description = "The feed no longer keeps events that old")
    @APIResponse(responseCode = "422", description = "Nothing is dead-lettered and no cursor was named, or the cursor is ahead of the feed")
    public Subscription replay(@PathParam("id") @Parameter(description = SUBSCRIPTION_ID) UUID id,
                               @Valid ReplayRequest request) {
        return subscriptions.replay(id, request);
    }
}
