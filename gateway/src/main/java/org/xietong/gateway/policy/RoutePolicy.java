package org.xietong.gateway.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides a request from the route table alone. The most specific rule covering the path and method wins (more
 * segments, then more literal segments, then a rule naming the method over one covering all); no rule means no
 * access, so a new endpoint is closed until someone writes down who may call it.
 */
public final class RoutePolicy {

    public static final String ANY = "any";

    /** One rule of the table. An empty method set covers every method. */
    public record Rule(String name, List<String> segments, Set<String> methods, Set<String> roles, String limit,
                       long maxBody) {

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

        public boolean allows(Set<String> callerRoles) {
            return roles.contains(ANY) || callerRoles.stream().anyMatch(roles::contains);
        }

        public String pattern() {
            return "/" + String.join("/", segments);
        }

        private long literals() {
            return segments.stream().filter(s -> !s.equals("*")).count();
        }
    }

    /** What the table says about one request. */
    public record Decision(Optional<Rule> rule, boolean allowed) {
    }

    private static final Comparator<Rule> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((Rule r) -> r.segments().size()).reversed()
            .thenComparing(Comparator.comparingLong(Rule::literals).reversed())
            .thenComparing(r -> r.methods().isEmpty());

    private final List<Rule> rules;
    private final Set<String> alwaysAllowed;

    public RoutePolicy(List<Rule> rules, Set<String> alwaysAllowed) {
        this.rules = rules.stream().sorted(MOST_SPECIFIC_FIRST).toList();
        this.alwaysAllowed = Set.copyOf(alwaysAllowed);
        requireNoAmbiguity(this.rules);
    }

    public static RoutePolicy from(PolicyConfig config) {
        List<Rule> rules = new ArrayList<>();
        config.routes().forEach((name, route) -> rules.add(new Rule(name, segments(route.path()),
                route.methods().orElse(List.of()).stream().map(m -> m.trim().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()),
                route.roles().stream().map(String::trim).collect(Collectors.toUnmodifiableSet()), route.limit(),
                route.maxBody().orElse(config.maxBody()).asLongValue())));
        return new RoutePolicy(rules, Set.copyOf(config.alwaysAllowed()));
    }

    public List<Rule> rules() {
        return rules;
    }

    public Decision decide(String method, String path, Set<String> callerRoles) {
        List<String> segments = segments(path);
        String upper = method.toUpperCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (rule.covers(upper, segments)) {
                boolean allowed = rule.allows(callerRoles) || callerRoles.stream().anyMatch(alwaysAllowed::contains);
                return new Decision(Optional.of(rule), allowed);
            }
        }
        return new Decision(Optional.empty(), false);
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
