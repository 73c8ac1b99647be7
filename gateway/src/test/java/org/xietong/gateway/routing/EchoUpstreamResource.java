package org.xietong.gateway.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-in upstreams for the gateway's tests, one real HTTP server per service: each answers with what it received
 * (method, path, the Authorization and X-Request-Id headers, the body size and, for JSON, the body), so a test can
 * see exactly what the gateway forwarded. Each also serves its API document ({@link EchoApiDocuments}). A path containing {@code /slow} answers after three seconds; a test can
 * stop a service's server and start it again on the same port.
 */
public class EchoUpstreamResource implements QuarkusTestResourceLifecycleManager {

    public static final AtomicInteger CALLS = new AtomicInteger();
    /** The gateway's side of each connection a service was called on, by service: reuse shows as one port. */
    public static final Map<String, Set<Integer>> CONNECTIONS = new ConcurrentHashMap<>();
    private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : new String[]{"pairing", "rotation", "healthcare"}) {
            startService(service, 0);
            config.put("xietong.gateway.services." + service + ".url", "http://127.0.0.1:" + PORTS.get(service));
        }
        return config;
    }

    public static void stopService(String service) {
        SERVERS.remove(service).stop(0);
    }

    public static void startService(String service) {
        startService(service, PORTS.get(service));
    }

    private static void startService(String service, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> answer(service, exchange));
            byte[] document = EchoApiDocuments.document(service).getBytes(StandardCharsets.UTF_8);
            server.createContext("/q/openapi", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, document.length);
                exchange.getResponseBody().write(document);
                exchange.close();
            });
            server.start();
            SERVERS.put(service, server);
            PORTS.put(service, server.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(String service, HttpExchange exchange) throws IOException {
        CALLS.incrementAndGet();
        CONNECTIONS.computeIfAbsent(service, s -> ConcurrentHashMap.newKeySet()).add(exchange.getRemoteAddress().getPort());
        byte[] received = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().toString();
        if (path.contains("/slow")) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String body = received.length > 0 && contentType.startsWith("application/json")
                ? new String(received, StandardCharsets.UTF_8) : "null";
        String json = "{\"service\":\"" + service + "\",\"method\":\"" + exchange.getRequestMethod()
                + "\",\"path\":\"" + path
                + "\",\"authorization\":\"" + exchange.getRequestHeaders().getFirst("Authorization")
                + "\",\"requestId\":\"" + exchange.getRequestHeaders().getFirst("X-Request-Id")
                + "\",\"forwardedFor\":\"" + exchange.getRequestHeaders().getFirst("X-Forwarded-For")
                + "\",\"headers\":[" + exchange.getRequestHeaders().keySet().stream()
                .map(name -> "\"" + name.toLowerCase(java.util.Locale.ROOT) + "\"").collect(java.util.stream.Collectors.joining(","))
                + "],\"size\":" + received.length + ",\"body\":" + body + "}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(s -> s.stop(0));
        SERVERS.clear();
    }
}
