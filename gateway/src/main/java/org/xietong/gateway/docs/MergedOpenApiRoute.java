package org.xietong.gateway.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xietong.gateway.policy.OperationTables;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemResponses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /openapi}: the services' documents merged into one (see {@link OpenApiMerger}). The services are asked
 * in parallel without blocking the event loop; a complete document is cached for a while, an incomplete one is not,
 * so a service that was down is asked again on the next request.
 */
@ApplicationScoped
public class MergedOpenApiRoute {

    private static final Logger LOG = Logger.getLogger(MergedOpenApiRoute.class);
    static final String PATH = "/openapi";

    private final DocsConfig docs;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final ServiceDocuments documents;
    private final OperationTables operations;
    private final OpenApiMerger merger;
    private volatile Merged cached;

    public MergedOpenApiRoute(DocsConfig docs, ObjectMapper mapper, Vertx vertx, ServiceDocuments documents,
                              OperationTables operations,
                              @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> issuer,
                              @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServer) {
        this.docs = docs;
        this.mapper = mapper;
        this.vertx = vertx;
        this.documents = documents;
        this.operations = operations;
        this.merger = new OpenApiMerger(docs.realmUrl()
                .or(() -> issuer.filter(url -> url.startsWith("http")))
                .or(() -> authServer));
    }

    private record Merged(Buffer json, Instant fetchedAt) {
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        Merged current = cached;
        if (current != null && current.fetchedAt().plus(docs.cacheFor()).isAfter(Instant.now())) {
            send(context, current.json());
            return;
        }
        documents.fetchAll().compose(loaded -> {
            // Fresh documents serve the operation tables as well.
            operations.update(loaded);
            return merge(loaded);
        }).onComplete(result -> {
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

    /** Merging is left to a worker thread. */
    private Future<Buffer> merge(List<ServiceDocuments.Loaded> loaded) {
        return vertx.executeBlocking(() -> {
            List<OpenApiMerger.ServiceDocument> available = new ArrayList<>();
            List<String> unavailable = new ArrayList<>();
            for (ServiceDocuments.Loaded service : loaded) {
                if (service.available()) {
                    available.add(new OpenApiMerger.ServiceDocument(service.service(), service.prefix(), service.document()));
                } else {
                    LOG.warnf("OpenAPI document of %s unavailable (%s); left out of /openapi", service.service(),
                            service.failure());
                    unavailable.add(service.service());
                }
            }
            Buffer json = Buffer.buffer(mapper.writeValueAsBytes(merger.merge(available, unavailable)));
            if (unavailable.isEmpty()) {
                cached = new Merged(json, Instant.now());
            }
            return json;
        }, false);
    }
}
