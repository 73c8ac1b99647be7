package org.xietong.gateway.docs;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Three stand-in services, each serving an OpenAPI document at /q/openapi the way the real ones do: its own paths
 * plus one outside its prefix, a bearer scheme of its own, a {@code School} schema that pairing and rotation shape
 * differently (and a page schema referring to it), and a {@code Problem} schema that is the same everywhere.
 * Healthcare can be switched down, when it answers 503.
 */
public class OpenApiUpstreamsResource implements QuarkusTestResourceLifecycleManager {

    static final AtomicBoolean HEALTHCARE_UP = new AtomicBoolean(true);
    private static final String PROBLEM = """
            "Problem": {"type": "object", "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}""";

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("xietong.gateway.services.pairing.url", serve(pairing(), null));
        config.put("xietong.gateway.services.rotation.url", serve(rotation(), null));
        config.put("xietong.gateway.services.healthcare.url", serve(healthcare(), HEALTHCARE_UP));
        return config;
    }

    /*
     * GatewayRoutingTest's global echo upstream sets the same properties; resources start in this order, later ones
     * overriding earlier ones, so these documents win.
     */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }

    private String serve(String document, AtomicBoolean up) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        server.createContext("/q/openapi", exchange -> {
            if (up != null && !up.get()) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String pairing() {
        return document("pairing", "Schools", "/api/v1/pairing/schools", "SchoolPage", """
                "School": {"type": "object", "properties": {"code": {"type": "string"}, "name": {"type": "string"},
                    "level": {"type": "string", "enum": ["PRIMARY", "JUNIOR"]}}},
                "SchoolPage": {"type": "object", "properties": {"items": {"type": "array",
                    "items": {"$ref": "#/components/schemas/School"}}}}""");
    }

    private static String rotation() {
        return document("rotation", "Schools", "/api/v1/rotation/schools", "SchoolPage", """
                "School": {"type": "object", "properties": {"code": {"type": "string"},
                    "regionCode": {"type": "string"}}},
                "SchoolPage": {"type": "object", "properties": {"items": {"type": "array",
                    "items": {"$ref": "#/components/schemas/School"}}}}""");
    }

    private static String healthcare() {
        return document("healthcare", "Institutions", "/api/v1/healthcare/institutions", "Institution", """
                "Institution": {"type": "object", "properties": {"code": {"type": "string"}}}""");
    }

    private static String document(String service, String tag, String path, String listed, String schemas) {
        return """
                {
                  "openapi": "3.1.0",
                  "info": {"title": "Xietong %1$s-service", "version": "1"},
                  "tags": [{"name": "%2$s", "description": "%1$s's %2$s"}],
                  "paths": {
                    "%3$s": {"get": {"tags": ["%2$s"], "security": [{"SecurityScheme": ["education-officer", "platform-admin"]}],
                      "responses": {
                        "200": {"description": "OK", "content": {"application/json": {
                          "schema": {"$ref": "#/components/schemas/%4$s"}}}},
                        "400": {"description": "Bad request", "content": {"application/problem+json": {
                          "schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
                    "/q/health/%1$s": {"get": {"responses": {"200": {"description": "OK"}}}}
                  },
                  "components": {
                    "schemas": {%5$s, %6$s},
                    "securitySchemes": {"SecurityScheme": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
                  }
                }
                """.formatted(service, tag, path, listed, schemas, PROBLEM);
    }
}
