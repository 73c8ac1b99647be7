package org.xietong.gateway.observability;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.xietong.gateway.routing.Forwarder;
import org.xietong.gateway.routing.GatewayConfig;
import org.xietong.gateway.routing.GatewayRoutes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reports each service's own readiness and its circuit. The gateway stays ready while any service is: one service
 * being down must not take the door away from the others.
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealthCheck implements AsyncHealthCheck {

    private final GatewayConfig config;
    private final GatewayRoutes routes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public UpstreamsHealthCheck(GatewayConfig config, GatewayRoutes routes) {
        this.config = config;
        this.routes = routes;
    }

    private record Probe(String service, boolean up, String state) {
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<CompletableFuture<Probe>> probes = config.services().entrySet().stream().map(this::probe).toList();
        return Uni.createFrom().completionStage(CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
                .thenApply(v -> {
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams");
                    boolean anyUp = false;
                    for (CompletableFuture<Probe> future : probes) {
                        Probe probe = future.join();
                        anyUp |= probe.up();
                        Forwarder forwarder = routes.forwarders().get(probe.service());
                        builder.withData(probe.service(), probe.state()
                                + (forwarder == null ? "" : ", circuit " + forwarder.circuit()));
                    }
                    return builder.status(anyUp).build();
                }));
    }

    private CompletableFuture<Probe> probe(Map.Entry<String, GatewayConfig.Upstream> service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.getValue().url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> new Probe(service.getKey(), r.statusCode() == 200,
                        r.statusCode() == 200 ? "UP" : "DOWN (ready check answered " + r.statusCode() + ")"))
                .exceptionally(e -> new Probe(service.getKey(), false, "DOWN (" + rootMessage(e) + ")"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
