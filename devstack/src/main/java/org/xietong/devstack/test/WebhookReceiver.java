package org.xietong.devstack.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's receiver of Xietong's pushed events, as the README shows it: it checks the Standard Webhooks signature
 * and timestamp, applies each webhook-id once and keeps the events it applied in arrival order. The tests and the
 * benchmark run it on loopback; it can refuse connections (down), or answer 500, to play a receiver in trouble.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** How old (or how far ahead) a timestamp may be; older deliveries are refused as replays. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event applied: its id, type, subject, the CloudEvent's time and when it arrived. */
    public record Applied(String id, String type, String subject, Instant time, Instant arrived, JsonNode event) {
    }

    private final int port;
    private final Map<String, Applied> applied = new LinkedHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger refusedSignatures = new AtomicInteger();
    private final AtomicInteger failedOnPurpose = new AtomicInteger();
    private volatile List<String> secrets;
    private volatile boolean failing;
    private HttpServer server;

    private WebhookReceiver(int port, List<String> secrets) {
        this.port = port;
        this.secrets = List.copyOf(secrets);
    }

    /** Starts a receiver on a free loopback port; set its secret once the subscription is made. */
    public static WebhookReceiver start() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(FreePorts.next(), List.of());
        receiver.up();
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/webhooks";
    }

    public void secrets(String... secrets) {
        this.secrets = List.of(secrets);
    }

    /** Accepts connections again (after {@link #down()}). */
    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/webhooks", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Stops accepting connections: deliveries meet a refused connection, as when the partner's host is down. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    /** Answers 500 to every well-signed delivery while {@code failing}. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(1024 * 1024);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!verify(secrets, id, timestamp, signatures, body, Instant.now())) {
                refusedSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (failing) {
                failedOnPurpose.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            JsonNode event = JSON.readTree(body);
            synchronized (applied) {
                if (applied.containsKey(id)) {
                    duplicates.incrementAndGet();
                } else {
                    applied.put(id, new Applied(id, event.path("type").asText(), event.path("subject").asText(),
                            Instant.parse(event.path("time").asText()), Instant.now(), event));
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /**
     * The Standard Webhooks check: the timestamp is within {@link #TOLERANCE} of now, and one of the space-separated
     * {@code v1,<base64>} signatures is the HMAC-SHA256 of {@code id.timestamp.body} under one of the secrets
     * ({@code whsec_<base64 key>}; two while a secret is rotated). Compared in constant time.
     */
    public static boolean verify(List<String> secrets, String id, String timestamp, String signatures, byte[] body,
                                 Instant now) {
        if (id == null || timestamp == null || signatures == null || !timestamp.matches("[0-9]{1,12}")
                || Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        for (String secret : secrets) {
            byte[] expected = signature(secret, id, timestamp, body).getBytes(StandardCharsets.UTF_8);
            for (String signature : signatures.split(" ")) {
                if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code v1,<base64>} signature a sender holding {@code secret} puts on a delivery. */
    public static String signature(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events applied so far, in arrival order. */
    public List<Applied> applied() {
        synchronized (applied) {
            return new ArrayList<>(applied.values());
        }
    }

    /** Deliveries of an id already applied (at least once: a retry or a replay). */
    public int duplicates() {
        return duplicates.get();
    }

    public int refusedSignatures() {
        return refusedSignatures.get();
    }

    public int failedOnPurpose() {
        return failedOnPurpose.get();
    }

    @Override
    public void close() {
        down();
    }
}
