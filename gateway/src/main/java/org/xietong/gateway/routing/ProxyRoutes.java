package org.xietong.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;

/**
 * Routes each service's prefix to it with Vert.x' reverse proxy. Requests reach these routes only after Quarkus
 * has authenticated the bearer token (see quarkus.http.auth.permission.api); the token travels on unchanged.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final GatewayConfig config;

    public ProxyRoutes(GatewayConfig config) {
        this.config = config;
    }

    void register(@Observes Router router, Vertx vertx) {
        config.services().forEach((name, upstream) -> {
            URI target = URI.create(upstream.url());
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout(5_000)
                    .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
            int port = target.getPort() > 0 ? target.getPort() : ("https".equals(target.getScheme()) ? 443 : 80);
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(port, target.getHost());
            ProxyHandler handler = ProxyHandler.create(proxy);
            router.route(upstream.prefix()).handler(handler);
            router.route(upstream.prefix() + "/*").handler(handler);
            LOG.infof("route %s/** -> %s (%s)", upstream.prefix(), upstream.url(), name);
        });
    }
}
