package org.xietong.gateway.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * The gateway's own part of each request: which rate-limit class and body limit apply to a path and method. Who may
 * call an operation is not written here; the services' API documents say it ({@link OperationTable}). The most
 * specific rule covering the path and method wins (more segments, then more literal segments, then a rule naming
 * the method over one covering all); a path no rule covers is refused, so every prefix needs a rule.
 */
public final class RouteLimits {

    /** One rule of the table. An empty method set covers every method. */
    public record Rule(String name, List<String> segments, Set<String> methods, String limit, long maxBody,
                       Optional<Duration> uploadDeadline) {

        public Rule(String name, List<String> segments, Set<String> methods, String limit, long maxBody) {
            this(name, segments, methods, limit, maxBody, Optional.empty());
        }

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

        public String pattern() {
            return "/" + String.join("/", segments);
        }

        private long literals() {
            return segments.stream().filter(s -> !s.equals("*")).count();
        }
    }

    private static final Comparator<Rule> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((Rule r) -> r.segments().size()).reversed()
            .thenComparing(Comparator.comparingLong(Rule::literals).reversed())
            .thenComparing(r -> r.methods().isEmpty());

    private final List<Rule> rules;

    public RouteLimits(List<Rule> rules) {
        this.rules = rules.stream().sorted(MOST_SPECIFIC_FIRST).toList();
        requireNoAmbiguity(this.rules);
    }

    public static RouteLimits from(RouteLimitsConfig config) {
        List<Rule> rules = new ArrayList<>();
        config.routes().forEach((name, route) -> rules.add(new Rule(name, segments(route.path()),
                route.methods().orElse(List.of()).stream().map(m -> m.trim().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()),
                route.limit(), route.maxBody().orElse(config.maxBody()).asLongValue(),
                route.uploadDeadline().or(() -> Optional.of(config.uploadDeadline())))));
        return new RouteLimits(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rule that sets this request's limits, if any covers it. */
    public Optional<Rule> rule(String method, String path) {
        List<String> segments = segments(path);
        String upper = method.toUpperCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (rule.covers(upper, segments)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** Two rules that tie for the same request would make the outcome depend on their order; refuse the table. */
    private static void requireNoAmbiguity(List<Rule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                Rule a = rules.get(i);
                Rule b = rules.get(j);
                boolean methodsOverlap = a.methods().isEmpty() == b.methods().isEmpty()
                        && (a.methods().isEmpty() || a.methods().stream().anyMatch(b.methods()::contains));
                if (a.segments().equals(b.segments()) && methodsOverlap) {
                    throw new IllegalStateException("Route rules " + a.name() + " and " + b.name()
                            + " both cover " + a.pattern() + " for the same methods");
                }
            }
        }
    }
}
