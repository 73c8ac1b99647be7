package org.xietong.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.xietong.gateway.routing.GatewayConfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fetches the services' own OpenAPI documents, in parallel and without blocking the event loop; the merged
 * {@code /openapi} and the gateway's operation tables are both made from them.
 */
@ApplicationScoped
public class ServiceDocuments {

    private static final Logger LOG = Logger.getLogger(ServiceDocuments.class);

    /** One service's document as parsed, or null with the reason it could not be had. */
    public record Loaded(String service, String prefix, JsonNode document, String failure) {
        public boolean available() {
            return document != null;
        }
    }

    private final GatewayConfig gateway;
    private final DocsConfig docs;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final WebClient client;

    public ServiceDocuments(GatewayConfig gateway, DocsConfig docs, ObjectMapper mapper, Vertx vertx) {
        this.gateway = gateway;
        this.docs = docs;
        this.mapper = mapper;
        this.vertx = vertx;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) docs.fetchTimeout().toMillis())
                .setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Every service's document, in name order (so the merged document reads the same every time); never fails. */
    public Future<List<Loaded>> fetchAll() {
        List<Future<Fetched>> fetches = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Upstream> service : new TreeMap<>(gateway.services()).entrySet()) {
            fetches.add(fetch(service.getKey(), service.getValue()));
        }
        return Future.all(fetches).map(all -> fetches.stream().map(Future::result).toList())
                // Parsing a few hundred kilobytes of JSON is left to a worker thread.
                .compose(fetched -> vertx.executeBlocking(() -> fetched.stream().map(this::parse).toList(), false));
    }

    private record Fetched(String service, String prefix, byte[] body, String failure) {
    }

    private Future<Fetched> fetch(String service, GatewayConfig.Upstream upstream) {
        return client.getAbs(upstream.url() + docs.servicePath())
                .timeout(docs.fetchTimeout().toMillis())
                .putHeader("Accept", "application/json")
                .send()
                .map(response -> response.statusCode() == 200
                        ? new Fetched(service, upstream.prefix(), response.body().getBytes(), null)
                        : new Fetched(service, upstream.prefix(), null, "HTTP " + response.statusCode()))
                .otherwise(e -> new Fetched(service, upstream.prefix(), null, String.valueOf(e.getMessage())));
    }

    private Loaded parse(Fetched fetched) {
        if (fetched.body() == null) {
            return new Loaded(fetched.service(), fetched.prefix(), null, fetched.failure());
        }
        try {
            JsonNode document = mapper.readTree(fetched.body());
            if (document != null && document.has("openapi")) {
                return new Loaded(fetched.service(), fetched.prefix(), document, null);
            }
        } catch (IOException e) {
            LOG.debugf(e, "OpenAPI document of %s is not JSON", fetched.service());
        }
        return new Loaded(fetched.service(), fetched.prefix(), null, "not an OpenAPI document");
    }
}
