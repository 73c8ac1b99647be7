package org.xietong.systemtests;

import org.xietong.gateway.policy.RouteLimits;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the gateway's route table as its application.properties writes it down, into the gateway's own
 * {@link RouteLimits}: rate-limit class and body limit per path. Who may call an operation is not in it; the gateway
 * takes each operation's purposes from the services' API documents (see the gateway's OperationTable, which builds
 * the same table from a parsed document: {@code OperationTable.fromOpenApi(mergedDoc, "/api/v1")}).
 */
final class RouteTable {

    private static final String PREFIX = "xietong.gateway.policy.routes.";

    private RouteTable() {
    }

    static RouteLimits read(Path gatewayProperties) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(gatewayProperties, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                String rest = key.substring(PREFIX.length());
                int dot = rest.indexOf('.');
                byName.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>())
                        .put(rest.substring(dot + 1), properties.getProperty(key).trim());
            }
        }
        List<RouteLimits.Rule> rules = byName.entrySet().stream().map(e -> new RouteLimits.Rule(e.getKey(),
                RouteLimits.segments(e.getValue().get("path")),
                split(e.getValue().get("methods")).stream().map(m -> m.toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()),
                e.getValue().getOrDefault("limit", "read"),
                // Body limits play no part in choosing a caller.
                Long.MAX_VALUE)).toList();
        return new RouteLimits(rules);
    }

    private static List<String> split(String list) {
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
