package org.xietong.gateway.policy;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each service's {@link OperationTable}, made from its own API document: fetched at start, again every docs cache
 * period, and on a miss (an unknown operation, a service not loaded yet) at most once every few seconds. A table
 * is replaced whole, so a request reads one consistent table without a lock; a service whose document cannot be
 * fetched keeps its last table.
 */
@ApplicationScoped
public class OperationTables {

    private static final Logger LOG = Logger.getLogger(OperationTables.class);
    /** A miss asks the services again at most this often: unknown paths must not turn into a fetch each. */
    static final Duration MISS_REFRESH = Duration.ofSeconds(5);

    private final ServiceDocuments documents;
    private final DocsConfig docs;
    private final Vertx vertx;
    private volatile Map<String, OperationTable> tables = Map.of();
    private final AtomicLong lastFetch = new AtomicLong(System.nanoTime() - MISS_REFRESH.toNanos());
    private long timer = -1;

    public OperationTables(ServiceDocuments documents, DocsConfig docs, Vertx vertx) {
        this.documents = documents;
        this.docs = docs;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        lastFetch.set(System.nanoTime());
        try {
            // The first tables before the first caller, as far as the services answer in time.
            documents.fetchAll().onSuccess(this::update).toCompletionStage().toCompletableFuture()
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

    /** A request found nothing: the service may have changed, ask again unless that was done just now. */
    public void missed() {
        long last = lastFetch.get();
        long now = System.nanoTime();
        if (now - last >= MISS_REFRESH.toNanos() && lastFetch.compareAndSet(last, now)) {
            documents.fetchAll().onSuccess(this::update);
        }
    }

    private void refresh() {
        lastFetch.set(System.nanoTime());
        documents.fetchAll().onSuccess(this::update);
    }

    /** Replaces the tables of the services whose documents came back; the others keep theirs. */
    public void update(List<ServiceDocuments.Loaded> loaded) {
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
