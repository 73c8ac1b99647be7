package org.xietong.gateway.policy;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.xietong.gateway.docs.DocsConfig;
import org.xietong.gateway.docs.ServiceDocuments;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * Each service's {@link OperationTable}, made from its own API document: fetched at start, again every docs cache
 * period, after an unknown operation at most every 5 s, and for a service not loaded yet at its next request (at
 * most once a second). A table
 * is replaced whole, so a request reads one consistent table without a lock; a service whose document cannot be
 * fetched keeps its last table.
 */
@ApplicationScoped
public class OperationTables {

    private static final Logger LOG = Logger.getLogger(OperationTables.class);
    /** A miss asks the services again at most this often: unknown paths must not turn into a fetch each. */
    static final Duration MISS_REFRESH = Duration.ofSeconds(5);
    /** A request for a service without a table yet waits for a fetch, started at most this often. */
    static final Duration LOAD_REFRESH = Duration.ofSeconds(1);

    private final ServiceDocuments documents;
    private final DocsConfig docs;
    private final Vertx vertx;
    private volatile Map<String, OperationTable> tables = Map.of();
    /** When the last fetch began, and that fetch; both guarded by this. */
    private long lastFetch = System.nanoTime() - MISS_REFRESH.toNanos();
    private Future<Void> fetching = Future.succeededFuture();
    private long timer = -1;

    public OperationTables(ServiceDocuments documents, DocsConfig docs, Vertx vertx) {
        this.documents = documents;
        this.docs = docs;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        try {
            // The first tables before the first caller, as far as the services answer in time.
            fetch(Duration.ZERO).toCompletionStage().toCompletableFuture()
                    .get(docs.fetchTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warnf("the services' API documents were not all fetched at start (%s); asked again on use", e.toString());
        }
        timer = vertx.setPeriodic(docs.cacheFor().toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The service's table, if its document has been loaded. */
    public Optional<OperationTable> table(String service) {
        return Optional.ofNullable(tables.get(service));
    }

    /**
     * The service's table once its document has been asked for: at once if loaded, else after a fetch (the one under
     * way, or a new one unless one ended within {@link #LOAD_REFRESH}), so a service that came up after the gateway
     * is known at its first request. Completes on whichever thread the fetch ends.
     */
    public Future<Optional<OperationTable>> load(String service) {
        OperationTable table = tables.get(service);
        if (table != null) {
            return Future.succeededFuture(Optional.of(table));
        }
        return fetch(LOAD_REFRESH).map(v -> Optional.ofNullable(tables.get(service)));
    }

    /** A request found no operation: the service may have changed, ask again unless that was done just now. */
    public void missed() {
        fetch(MISS_REFRESH);
    }

    private void refresh() {
        fetch(Duration.ZERO);
    }

    /** The fetch under way, else a new one if the last began at least {@code interval} ago, else the last one. */
    private synchronized Future<Void> fetch(Duration interval) {
        long now = System.nanoTime();
        if (!fetching.isComplete() || now - lastFetch < interval.toNanos()) {
            return fetching;
        }
        lastFetch = now;
        fetching = documents.fetchAll().map(loaded -> {
            update(loaded);
            return null;
        });
        return fetching;
    }

    /** Replaces the tables of the services whose documents came back; the others keep theirs. */
    public synchronized void update(List<ServiceDocuments.Loaded> loaded) {
        Map<String, OperationTable> next = new HashMap<>(tables);
        boolean changed = false;
        for (ServiceDocuments.Loaded service : loaded) {
            if (service.available()) {
                next.put(service.service(), OperationTable.fromOpenApi(service.document(), service.prefix()));
                changed = true;
            } else {
                LOG.warnf("API document of %s unavailable (%s); %s", service.service(), service.failure(),
                        tables.containsKey(service.service()) ? "its last operation table stays" : "its operations answer 503");
            }
        }
        if (changed) {
            tables = Map.copyOf(next);
        }
    }
}
