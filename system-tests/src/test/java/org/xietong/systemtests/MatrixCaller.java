package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.xietong.platform.security.Purpose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A demo caller of the authorisation matrix as the realm file defines it: its realm roles (for a partner's service
 * account, also the purposes it was granted), and the claims the services scope by ({@code region_code}, {@code school_code}, {@code institution_code}, {@code teacher_id}).
 * Read from the realm file itself, so a new demo user joins the matrix without a change here.
 */
record MatrixCaller(String name, Set<String> roles, String region, Optional<String> school,
                    Optional<String> institution, Optional<String> teacher, Optional<String> secret) {

    static final String ADMIN_ROLE = "platform-admin";

    boolean admin() {
        return roles.contains(ADMIN_ROLE);
    }

    boolean partner() {
        return secret.isPresent();
    }

    boolean has(String role) {
        return roles.contains(role);
    }

    /** The purposes the access model gives this caller: its roles', and those a partner was granted. */
    Set<String> purposes() {
        return Purpose.heldBy(roles);
    }

    boolean holds(String purpose) {
        return purposes().contains(purpose);
    }

    /** The role the matrix reports the caller under (each demo caller has one besides a partner's purposes). */
    String role() {
        return roles.stream().filter(r -> !Purpose.isPurpose(r)).sorted().findFirst().orElse("");
    }

    /** Every demo user (password = user name) and every partner client, in the realm file's order. */
    static List<MatrixCaller> fromRealm(Path realmFile) throws IOException {
        JsonNode realm = new ObjectMapper().readTree(realmFile.toFile());
        List<MatrixCaller> callers = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            JsonNode a = user.path("attributes");
            callers.add(new MatrixCaller(user.path("username").asText(), roles(user.path("realmRoles")),
                    first(a, "region_code").orElse(""), first(a, "school_code"), first(a, "institution_code"),
                    first(a, "teacher_id"), Optional.empty()));
        }
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (!client.path("serviceAccountsEnabled").asBoolean() || !id.startsWith("partner-")) {
                continue;
            }
            String region = "";
            for (JsonNode mapper : client.path("protocolMappers")) {
                if ("region_code".equals(mapper.path("config").path("claim.name").asText())) {
                    region = mapper.path("config").path("claim.value").asText();
                }
            }
            Set<String> roles = Set.of();
            for (JsonNode user : realm.path("users")) {
                if (id.equals(user.path("serviceAccountClientId").asText())) {
                    roles = roles(user.path("realmRoles"));
                }
            }
            callers.add(new MatrixCaller(id, roles, region, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(client.path("secret").asText())));
        }
        return callers;
    }

    private static Set<String> roles(JsonNode list) {
        List<String> roles = new ArrayList<>();
        list.forEach(r -> {
            if (!r.asText().startsWith("default-roles")) {
                roles.add(r.asText());
            }
        });
        return Set.copyOf(roles);
    }

    private static Optional<String> first(JsonNode attributes, String name) {
        JsonNode values = attributes.path(name);
        return values.isArray() && !values.isEmpty() ? Optional.of(values.get(0).asText()) : Optional.empty();
    }
}
