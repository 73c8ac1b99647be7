package org.xietong.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xietong.gateway.routing.GatewayConfig;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemResponses;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /openapi}: the services' documents merged into one (see {@link OpenApiMerger}). The services are asked
 * in parallel without blocking the event loop; a complete document is cached for a while, an incomplete one is not,
 * so a service that was down is asked again on the next request.
 */
@ApplicationScoped
public class MergedOpenApiRoute {

    private static final Logger LOG = Logger.getLogger(MergedOpenApiRoute.class);
    static final String PATH = "/openapi";

    private final GatewayConfig gateway;
    private final DocsConfig docs;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final OpenApiMerger merger;
    private WebClient client;
    private volatile Merged cached;

    public MergedOpenApiRoute(GatewayConfig gateway, DocsConfig docs, ObjectMapper mapper, Vertx vertx,
                              @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> issuer,
                              @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServer) {
        this.gateway = gateway;
        this.docs = docs;
        this.mapper = mapper;
        this.vertx = vertx;
        this.merger = new OpenApiMerger(docs.realmUrl()
                .or(() -> issuer.filter(url -> url.startsWith("http")))
                .or(() -> authServer));
    }

    private record Merged(Buffer json, Instant fetchedAt) {
    }

    private record Fetched(String service, String prefix, Buffer body, String failure) {
    }

    void register(@Observes Router router) {
        client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) docs.fetchTimeout().toMillis())
                .setFollowRedirects(false));
        router.get(PATH).handler(this::serve);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private void serve(RoutingContext context) {
        Merged current = cached;
        if (current != null && current.fetchedAt().plus(docs.cacheFor()).isAfter(Instant.now())) {
            send(context, current.json());
            return;
        }
        fetchAll().compose(this::merge).onComplete(result -> {
            if (result.succeeded()) {
                send(context, result.result());
            } else {
                LOG.error("merging the services' OpenAPI documents failed", result.cause());
                ProblemResponses.write(context, Problem.of(500, "openapi-merge", "API document unavailable",
                        "The services' API documents could not be merged"));
            }
        });
    }

    private static void send(RoutingContext context, Buffer json) {
        context.response().putHeader("Content-Type", "application/json").end(json);
    }

    private Future<List<Fetched>> fetchAll() {
        List<Future<Fetched>> fetches = new ArrayList<>();
        // In name order, so the merged document reads the same every time.
        for (Map.Entry<String, GatewayConfig.Upstream> service : new TreeMap<>(gateway.services()).entrySet()) {
            fetches.add(fetch(service.getKey(), service.getValue()));
        }
        return Future.all(fetches).map(all -> fetches.stream().map(Future::result).toList());
    }

    /** Never fails: a service that does not answer a document in time comes back with the reason. */
    private Future<Fetched> fetch(String service, GatewayConfig.Upstream upstream) {
        return client.getAbs(upstream.url() + docs.servicePath())
                .timeout(docs.fetchTimeout().toMillis())
                .putHeader("Accept", "application/json")
                .send()
                .map(response -> response.statusCode() == 200
                        ? new Fetched(service, upstream.prefix(), response.body(), null)
                        : new Fetched(service, upstream.prefix(), null, "HTTP " + response.statusCode()))
                .otherwise(e -> new Fetched(service, upstream.prefix(), null, String.valueOf(e.getMessage())));
    }

    /** Parsing and merging a few hundred kilobytes of JSON is left to a worker thread. */
    private Future<Buffer> merge(List<Fetched> fetched) {
        return vertx.executeBlocking(() -> {
            List<OpenApiMerger.ServiceDocument> documents = new ArrayList<>();
            List<String> unavailable = new ArrayList<>();
            for (Fetched f : fetched) {
                JsonNode document = f.body() == null ? null : parse(f);
                if (document == null || !document.has("openapi")) {
                    LOG.warnf("OpenAPI document of %s unavailable (%s); left out of /openapi", f.service(),
                            f.failure() == null ? "not an OpenAPI document" : f.failure());
                    unavailable.add(f.service());
                } else {
                    documents.add(new OpenApiMerger.ServiceDocument(f.service(), f.prefix(), document));
                }
            }
            Buffer json = Buffer.buffer(mapper.writeValueAsBytes(merger.merge(documents, unavailable)));
            if (unavailable.isEmpty()) {
                cached = new Merged(json, Instant.now());
            }
            return json;
        }, false);
    }

    private JsonNode parse(Fetched fetched) {
        try {
            return mapper.readTree(fetched.body().getBytes());
        } catch (IOException e) {
            LOG.debugf(e, "OpenAPI document of %s is not JSON", fetched.service());
            return null;
        }
    }
}
