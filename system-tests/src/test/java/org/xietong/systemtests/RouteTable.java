package org.xietong.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The gateway's route table as its application.properties writes it down, read the way the gateway reads it (the
 * most specific rule wins: more segments, then more literal segments, then a rule naming the method), so that a
 * system test can pick a caller the table lets through.
 */
record RouteTable(List<Rule> rules, Set<String> alwaysAllowed) {

    private static final String PREFIX = "xietong.gateway.policy.routes.";

    record Rule(String name, List<String> segments, Set<String> methods, Set<String> roles, String limit) {

        boolean covers(String method, List<String> path) {
            if (path.size() < segments.size() || !(methods.isEmpty() || methods.contains(method))) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                if (!segments.get(i).equals("*") && !segments.get(i).equals(path.get(i))) {
                    return false;
                }
            }
            return true;
        }

        long literals() {
            return segments.stream().filter(s -> !s.equals("*")).count();
        }
    }

    static RouteTable read(Path gatewayProperties) throws IOException {
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
        List<Rule> rules = byName.entrySet().stream().map(e -> new Rule(e.getKey(), segments(e.getValue().get("path")),
                        split(e.getValue().get("methods")).stream().map(m -> m.toUpperCase(Locale.ROOT))
                                .collect(Collectors.toUnmodifiableSet()),
                        Set.copyOf(split(e.getValue().get("roles"))), e.getValue().getOrDefault("limit", "read")))
                .sorted(Comparator.comparingInt((Rule r) -> r.segments().size()).reversed()
                        .thenComparing(Comparator.comparingLong(Rule::literals).reversed())
                        .thenComparing(r -> r.methods().isEmpty()))
                .toList();
        String always = properties.getProperty("xietong.gateway.policy.always-allowed", "platform-admin");
        return new RouteTable(rules, Set.copyOf(split(always)));
    }

    /** The rule deciding this request, if any. */
    Optional<Rule> decide(String method, String path) {
        List<String> segments = segments(path);
        return rules.stream().filter(r -> r.covers(method.toUpperCase(Locale.ROOT), segments)).findFirst();
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> split(String list) {
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
